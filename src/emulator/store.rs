//! The emulator's data: named collections of JSON entities with ETags, in memory, and with a data
//! directory also on disk (one file per entity, written before a write is acknowledged).
//!
//! Keys are compared case-insensitively (ARM resource names are), but each entity keeps the key
//! spelling it was created with. Any route family can use it: `ctx.store.collection("apiConnectors")`.

use super::etag::EtagCounter;
use super::persistence::AtomicDir;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

/// One stored entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The key as first written (original case).
    pub key: String,
    pub etag: String,
    pub value: Value,
}

/// What a conditional write decided to do, see [`JsonCollection::modify`].
pub enum Change {
    Put(Value),
    Delete,
    Keep,
}

/// The result of [`JsonCollection::modify`].
#[derive(Debug, Clone)]
pub struct Modified {
    /// The entity before the change.
    pub before: Option<Record>,
    /// The entity after the change (None when deleted or absent).
    pub after: Option<Record>,
}

/// All collections of one emulator; ETags are unique across them.
pub struct Store {
    data_dir: Option<PathBuf>,
    etags: Arc<EtagCounter>,
    collections: Mutex<HashMap<String, Arc<JsonCollection>>>,
}

impl Store {
    /// `data_dir: None` keeps everything in memory; with one, the ETag high-water mark is read
    /// from it (see [`EtagCounter::persisted`]).
    pub fn open(data_dir: Option<PathBuf>) -> io::Result<Store> {
        let etags = match &data_dir {
            Some(root) => EtagCounter::persisted(AtomicDir::open(root)?)?,
            None => EtagCounter::default(),
        };
        Ok(Store { data_dir, etags: Arc::new(etags), collections: Mutex::new(HashMap::new()) })
    }

    /// The collection `name`, loaded from disk the first time it is asked for.
    pub fn collection(&self, name: &str) -> io::Result<Arc<JsonCollection>> {
        let mut all = lock(&self.collections);
        if let Some(c) = all.get(name) {
            return Ok(c.clone());
        }
        let dir = match &self.data_dir {
            Some(root) => Some(AtomicDir::open(&root.join(name))?),
            None => None,
        };
        let c = Arc::new(JsonCollection::load(name, dir, self.etags.clone())?);
        all.insert(name.to_string(), c.clone());
        Ok(c)
    }
}

/// A case-insensitive map of key -> [`Record`], optionally mirrored to a directory.
pub struct JsonCollection {
    name: String,
    dir: Option<AtomicDir>,
    etags: Arc<EtagCounter>,
    records: Mutex<BTreeMap<String, Record>>,
}

impl JsonCollection {
    fn load(name: &str, dir: Option<AtomicDir>, etags: Arc<EtagCounter>) -> io::Result<JsonCollection> {
        let mut records = BTreeMap::new();
        if let Some(d) = &dir {
            for (file, bytes) in d.read_all()? {
                let record: Record = serde_json::from_slice(&bytes).map_err(|e| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("{name}/{file} is not a stored entity: {e}"))
                })?;
                etags.observe(&record.etag);
                records.insert(record.key.to_lowercase(), record);
            }
        }
        Ok(JsonCollection { name: name.to_string(), dir, etags, records: Mutex::new(records) })
    }

    pub fn get(&self, key: &str) -> Option<Record> {
        lock(&self.records).get(&key.to_lowercase()).cloned()
    }

    /// Entities whose key starts with `prefix` (case-insensitive), in key order.
    pub fn list_prefix(&self, prefix: &str) -> Vec<Record> {
        let prefix = prefix.to_lowercase();
        lock(&self.records)
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(_, r)| r.clone())
            .collect()
    }

    /// Reads the current entity, lets `decide` choose a change (it sees the current record and
    /// may refuse with its own error), and applies it durably, all under one lock so that a
    /// condition checked in `decide` (If-Match) still holds when the write happens. A `Put` gets
    /// a new ETag. Blocking (file I/O): call it from `spawn_blocking`.
    pub fn modify<E, F>(&self, key: &str, decide: F) -> Result<Modified, E>
    where
        E: From<io::Error>,
        F: FnOnce(Option<&Record>) -> Result<Change, E>,
    {
        let lower = key.to_lowercase();
        let mut records = lock(&self.records);
        let before = records.get(&lower).cloned();
        match decide(before.as_ref())? {
            Change::Keep => Ok(Modified { after: before.clone(), before }),
            Change::Delete => {
                if before.is_some() {
                    if let Some(d) = &self.dir {
                        d.remove(&self.file_name(&lower))?;
                    }
                    records.remove(&lower);
                }
                Ok(Modified { before, after: None })
            }
            Change::Put(value) => {
                let record = Record {
                    // The first spelling wins, like ARM keeps the created name.
                    key: before.as_ref().map(|b| b.key.clone()).unwrap_or_else(|| key.to_string()),
                    etag: self.etags.next()?,
                    value,
                };
                if let Some(d) = &self.dir {
                    let bytes = serde_json::to_vec(&record).map_err(io::Error::other)?;
                    d.write(&self.file_name(&lower), &bytes)?;
                }
                records.insert(lower, record.clone());
                Ok(Modified { before, after: Some(record) })
            }
        }
    }

    /// A stable, file-system-safe name for a key of any length or alphabet.
    fn file_name(&self, lower_key: &str) -> String {
        let id = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, format!("{}/{lower_key}", self.name).as_bytes());
        format!("{id}.json")
    }
}

/// A panic while holding the lock cannot leave a half-applied change (changes are applied last),
/// so a poisoned lock is still safe to use.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn put(c: &JsonCollection, key: &str, v: Value) -> Record {
        c.modify::<io::Error, _>(key, |_| Ok(Change::Put(v))).unwrap().after.unwrap()
    }

    #[test]
    fn keys_are_case_insensitive_and_keep_first_spelling() {
        let s = Store::open(None).unwrap();
        let c = s.collection("b").unwrap();
        let a = put(&c, "scope/MyBackend", json!(1));
        let b = put(&c, "SCOPE/mybackend", json!(2));
        assert_ne!(a.etag, b.etag);
        assert_eq!(c.get("scope/MYBACKEND").unwrap().key, "scope/MyBackend");
        assert_eq!(c.list_prefix("Scope/").len(), 1);
        assert!(c.list_prefix("scope2/").is_empty());
    }

    #[test]
    fn reload_from_disk_keeps_entities_and_continues_etags() {
        let tmp = tempfile::tempdir().unwrap();
        let last = {
            let s = Store::open(Some(tmp.path().to_path_buf())).unwrap();
            let c = s.collection("b").unwrap();
            put(&c, "k1", json!({"a": 1}));
            put(&c, "k2", json!({"a": 2}));
            c.modify::<io::Error, _>("k1", |_| Ok(Change::Delete)).unwrap();
            put(&c, "k2", json!({"a": 3}))
        };
        let s = Store::open(Some(tmp.path().to_path_buf())).unwrap();
        let c = s.collection("b").unwrap();
        assert!(c.get("k1").is_none());
        assert_eq!(c.get("k2").unwrap(), last);
        let newer = put(&c, "k3", json!(0));
        assert_ne!(newer.etag, last.etag);
    }
}
