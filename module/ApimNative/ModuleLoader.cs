// Where ApimNative.psm1 finds the native library, in one call at import: this platform's
// bin/<rid>/<file> under the module, present, and not another copy's library already loaded in
// this process; then handed to Interop.Load. Why here and not in the psm1: each distinct .NET
// method or property a script touches costs PowerShell a compiled call site the first time, and
// the dozen the psm1 needed for this were 15 ms of the import (README, PowerShell benchmark).
using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ApimNative
{
    /// <summary>Why the import must stop: the exception and the ErrorRecord category and target the psm1 throws it with.</summary>
    public sealed class ImportRefusal
    {
        public ImportRefusal(Exception exception, string category, string target)
        {
            Exception = exception;
            Category = category;
            Target = target;
        }

        public Exception Exception { get; private set; }

        public string Category { get; private set; }

        public string Target { get; private set; }
    }

    public static class ModuleLoader
    {
        /// <summary>The staged library for this platform: bin/win-x64|win-arm64/apim_native.dll,
        /// bin/linux-&lt;arch&gt;/libapim_native.so, bin/osx-&lt;arch&gt;/libapim_native.dylib. The rid is
        /// worked out at import, not at build time, so one module folder carries several platforms.</summary>
        public static string StagedLibraryPath(string moduleRoot)
        {
            if (moduleRoot == null)
            {
                throw new ArgumentNullException("moduleRoot");
            }
            string rid;
            string name;
            if (Path.DirectorySeparatorChar == '\\')
            {
                // Windows PowerShell 5.1 may run on a .NET Framework without RuntimeInformation.
                rid = string.Equals(Environment.GetEnvironmentVariable("PROCESSOR_ARCHITECTURE"), "ARM64", StringComparison.OrdinalIgnoreCase) ? "win-arm64" : "win-x64";
                name = "apim_native.dll";
            }
            else
            {
                UnixLibrary(out rid, out name);
            }
            return Path.Combine(Path.Combine(Path.Combine(moduleRoot, "bin"), rid), name);
        }

        // Its own method so that a .NET Framework without RuntimeInformation never compiles it.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UnixLibrary(out string rid, out string name)
        {
            string architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                rid = "osx-" + architecture;
                name = "libapim_native.dylib";
            }
            else
            {
                rid = "linux-" + architecture;
                name = "libapim_native.so";
            }
        }

        /// <summary>Hands this module's native library to Interop.Load; null when done, otherwise why
        /// not: the library is not staged (not built), or this process already runs another copy's
        /// library (a process loads it once, and a second copy must not run on the first one's).</summary>
        public static ImportRefusal LoadStagedLibrary(string moduleRoot)
        {
            string path = StagedLibraryPath(moduleRoot);
            if (!File.Exists(path))
            {
                return new ImportRefusal(
                    new FileNotFoundException(string.Format("ApimNative is not built: {0} was not found. Run build.ps1 -Task Build to make it.", path), path),
                    "ObjectNotFound",
                    path);
            }
            string loaded = Interop.LibraryPath;
            if (loaded != null && !string.Equals(loaded, path, StringComparison.Ordinal))
            {
                return new ImportRefusal(
                    new InvalidOperationException(string.Format(
                        "This session already loaded the ApimNative native library from {0}; a process can load it only once, so the module in {1} cannot be imported here. Start a new PowerShell session to use this copy.",
                        loaded, moduleRoot)),
                    "ResourceExists",
                    path);
            }
            Interop.Load(path);
            return null;
        }
    }
}
