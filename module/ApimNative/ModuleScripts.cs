// Which function scripts ApimNative.psm1 dot-sources at import: the one bundle build.ps1 wrote
// (bin/ApimNative.Functions.ps1, every Private/ and Public/ file concatenated), when it was made
// from exactly the source files on disk; otherwise null, and the psm1 dot-sources the files
// themselves. One dot-sourced file instead of ~80 is a third of the import time; checking here
// (C#, one call) instead of in the psm1 keeps the check out of the import's cost, because every
// distinct .NET call a script makes costs PowerShell a compiled call site the first time.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ApimNative
{
    public static class ModuleScripts
    {
        private const string DigestPrefix = "# sources-sha256: ";

        /// <summary>The bundle's path when its first line names the SHA-256 of the current sources
        /// (build.ps1's Get-FunctionBundleDigest: each file's "Folder/Name.ps1", a newline and its
        /// bytes, Private/ then Public/, each sorted ordinal-ignore-case); null when the bundle is
        /// missing, unreadable or was built from other sources (an edit since the last build).</summary>
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
                string firstLine;
                using (StreamReader reader = new StreamReader(bundle, Encoding.UTF8, true))
                {
                    firstLine = reader.ReadLine();
                }
                if (firstLine == null || !firstLine.StartsWith(DigestPrefix, StringComparison.Ordinal))
                {
                    return null;
                }
                string recorded = firstLine.Substring(DigestPrefix.Length).Trim();
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

        /// <summary>The hex SHA-256 of the module's function sources, as build.ps1 records it.</summary>
        public static string SourceDigest(string moduleRoot)
        {
            using (SHA256 sha = SHA256.Create())
            {
                foreach (string folder in new[] { "Private", "Public" })
                {
                    string directory = Path.Combine(moduleRoot, folder);
                    if (!Directory.Exists(directory))
                    {
                        continue;
                    }
                    string[] files = Directory.GetFiles(directory, "*.ps1");
                    Array.Sort(files, StringComparer.OrdinalIgnoreCase);
                    foreach (string file in files)
                    {
                        byte[] name = Encoding.UTF8.GetBytes(folder + "/" + Path.GetFileName(file) + "\n");
                        sha.TransformBlock(name, 0, name.Length, null, 0);
                        byte[] content = File.ReadAllBytes(file);
                        sha.TransformBlock(content, 0, content.Length, null, 0);
                    }
                }
                sha.TransformFinalBlock(new byte[0], 0, 0);
                StringBuilder hex = new StringBuilder(64);
                foreach (byte b in sha.Hash)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
                return hex.ToString();
            }
        }
    }
}
