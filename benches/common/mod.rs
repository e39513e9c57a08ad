//! What the benchmarks share: the backend they write.

/// A realistic Single backend: credentials, proxy, tls and a circuit breaker.
pub fn realistic_backend() -> serde_json::Value {
    serde_json::json!({"properties": {
        "title": "orders", "description": "Orders API backend",
        "url": "https://orders.example.com/api", "protocol": "http",
        "credentials": {"header": {"x-key": ["a", "b"]}, "query": {"sv": ["1"]},
                        "authorization": {"scheme": "Basic", "parameter": "opensesame"}},
        "proxy": {"url": "http://192.168.1.1:8080", "username": "admin", "password": "pw"},
        "tls": {"validateCertificateChain": true, "validateCertificateName": true},
        "circuitBreaker": {"rules": [{"name": "r1", "failureCondition": {"count": 3, "interval": "PT1H",
            "statusCodeRanges": [{"min": 500, "max": 599}]}, "tripDuration": "PT1H", "acceptRetryAfter": true}]}
    }})
}
