// Which function scripts ApimNative.psm1 dot-sources at import: the one bundle build.ps1 wrote
// (bin/ApimNative.Functions.ps1, every Private/ and Public/ file concatenated), when it was made
// from exactly the source files on disk; otherwise null, and the psm1 dot-sources the files
// themselves. One dot-sourced file instead of ~46 cuts that part of the import to a third (110 -> 37 ms
// measured; README, PowerShell benchmark). The check is here, one call, not in the psm1: every
// distinct .NET call a script makes costs PowerShell a compiled call site the first time.
using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ApimNative
{
    public static class ModuleScripts
    {
        private const string DigestPrefix = "# sources-sha256: ";
        private const string StampPrefix = "# sources-stamp: ";

        /// <summary>The bundle's path when it was built from the current sources; null when it is
        /// missing, unreadable or was built from other sources (an edit since the last build).
        /// Its first line names the SHA-256 of the sources and its second their stamp (count,
        /// total length, last-write times): a matching stamp is enough (what a build leaves, no
        /// file read), and only a differing one (a copy or an install that reset the times) costs
        /// reading and hashing the sources.</summary>
        public static string CurrentBundle(string moduleRoot)
        {
            if (moduleRoot == null)
            {
                throw new ArgumentNullException("moduleRoot");
            }
            string bundle = Path.Combine(Path.Combine(moduleRoot, "bin"), "ApimNative.Functions.ps1");
            try
            {
                if (!File.Exists(bundle))
                {
                    return null;
                }
                string digestLine;
                string stampLine;
                using (StreamReader reader = new StreamReader(bundle, Encoding.UTF8, true))
                {
                    digestLine = reader.ReadLine();
                    stampLine = reader.ReadLine();
                }
                if (digestLine == null || !digestLine.StartsWith(DigestPrefix, StringComparison.Ordinal))
                {
                    return null;
                }
                if (stampLine != null && stampLine.StartsWith(StampPrefix, StringComparison.Ordinal) &&
                    string.Equals(stampLine.Substring(StampPrefix.Length).Trim(), SourceStamp(moduleRoot), StringComparison.Ordinal))
                {
                    return bundle;
                }
                string recorded = digestLine.Substring(DigestPrefix.Length).Trim();
                return string.Equals(recorded, SourceDigest(moduleRoot), StringComparison.OrdinalIgnoreCase) ? bundle : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The public cmdlets' names: Public/*.ps1 without the extension, sorted
        /// ordinal-ignore-case (one function per file, named as the file).</summary>
        public static string[] PublicFunctions(string moduleRoot)
        {
            string[] files = Directory.GetFiles(Path.Combine(moduleRoot, "Public"), "*.ps1");
            Array.Sort(files, StringComparer.OrdinalIgnoreCase);
            string[] names = new string[files.Length];
            for (int i = 0; i < files.Length; i++)
            {
                names[i] = Path.GetFileNameWithoutExtension(files[i]);
            }
            return names;
        }

        /// <summary>"count:total length:xor of the last-write ticks" of the sources, as build.ps1
        /// (Get-FunctionBundleStamp) records it. Any edit moves a file's last-write time.</summary>
        public static string SourceStamp(string moduleRoot)
        {
            int count = 0;
            long length = 0;
            long ticks = 0;
            foreach (string file in SourceFiles(moduleRoot))
            {
                FileInfo info = new FileInfo(file);
                count++;
                length += info.Length;
                ticks ^= info.LastWriteTimeUtc.Ticks;
            }
            return string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", count, length, ticks);
        }

        /// <summary>The hex SHA-256 of the module's function sources, as build.ps1 records it
        /// (Get-FunctionBundleDigest: each file's "Folder/Name.ps1", a newline and its bytes).</summary>
        public static string SourceDigest(string moduleRoot)
        {
            using (SHA256 sha = SHA256.Create())
            {
                foreach (string file in SourceFiles(moduleRoot))
                {
                    string folder = Path.GetFileName(Path.GetDirectoryName(file));
                    byte[] name = Encoding.UTF8.GetBytes(folder + "/" + Path.GetFileName(file) + "\n");
                    sha.TransformBlock(name, 0, name.Length, null, 0);
                    byte[] content = File.ReadAllBytes(file);
                    sha.TransformBlock(content, 0, content.Length, null, 0);
                }
                sha.TransformFinalBlock(new byte[0], 0, 0);
                StringBuilder hex = new StringBuilder(64);
                foreach (byte b in sha.Hash)
                {
                    hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }
                return hex.ToString();
            }
        }

        // Private/*.ps1 then Public/*.ps1, each sorted ordinal-ignore-case: the psm1's order.
        private static string[] SourceFiles(string moduleRoot)
        {
            string[] privateFiles = FolderFiles(moduleRoot, "Private");
            string[] publicFiles = FolderFiles(moduleRoot, "Public");
            string[] all = new string[privateFiles.Length + publicFiles.Length];
            privateFiles.CopyTo(all, 0);
            publicFiles.CopyTo(all, privateFiles.Length);
            return all;
        }

        private static string[] FolderFiles(string moduleRoot, string folder)
        {
            string directory = Path.Combine(moduleRoot, folder);
            if (!Directory.Exists(directory))
            {
                return new string[0];
            }
            string[] files = Directory.GetFiles(directory, "*.ps1");
            Array.Sort(files, StringComparer.OrdinalIgnoreCase);
            return files;
        }
    }
}
