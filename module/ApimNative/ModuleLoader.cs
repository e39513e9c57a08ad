// What ApimNative.psm1 does at import, in C#: refuse a 32-bit host, another build or another copy
// of the module in this session, a library that is not staged; hand the staged library's path to
// Interop.Load; define [ApimNative.AcceptDeserialized()]; and name the function scripts to
// dot-source. Why here and not in the psm1: PowerShell compiles a dynamic call site for each .NET
// member a script touches, and the first one a process makes costs ~60 ms of CPU (the binders'
// own code is compiled then); the psm1 makes none. The manifest loads this assembly
// (RequiredAssemblies) and the psm1 runs all of this through one typed assignment,
// [ApimNative.ModuleImport]$moduleImport = $PSScriptRoot, a conversion by constructor that
// PowerShell makes without a call site (README, PowerShell).
using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ApimNative
{
    /// <summary>Why the import must stop: the exception and the ErrorRecord id, category and target the psm1 throws it with.</summary>
    public sealed class ImportRefusal
    {
        public ImportRefusal(Exception exception, string category, string target)
            : this(exception, "ApimNative.LoadNativeLibraryFailed", category, target)
        {
        }

        public ImportRefusal(Exception exception, string errorId, string category, string target)
        {
            Exception = exception;
            ErrorId = errorId;
            Category = category;
            Target = target;
        }

        public Exception Exception { get; private set; }

        public string ErrorId { get; private set; }

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

    /// <summary>Thrown by ModuleImport when the import must stop; the psm1 turns Refusal into the ErrorRecord.</summary>
    public sealed class ImportRefusedException : Exception
    {
        public ImportRefusedException(ImportRefusal refusal)
            : base(refusal.Exception.Message, refusal.Exception)
        {
            Refusal = refusal;
        }

        public ImportRefusal Refusal { get; private set; }
    }

    /// <summary>
    /// The import, made by ApimNative.psm1 as <c>[ApimNative.ModuleImport]$moduleImport = $PSScriptRoot</c>
    /// (PowerShell converts the string through this constructor) and then <c>. $moduleImport</c>,
    /// which dot-sources the script ToString names: the bundle build.ps1 wrote when it is current,
    /// otherwise ApimNative.Sources.ps1, which dot-sources the source files themselves.
    /// </summary>
    public sealed class ModuleImport
    {
        private const string AssemblyFileName = "ApimNative.Interop.dll";
        private readonly string functionScript;

        /// <summary>Runs the import's checks and steps for the module in moduleRoot; throws
        /// ImportRefusedException when the import must stop.</summary>
        public ModuleImport(string moduleRoot)
        {
            if (moduleRoot == null)
            {
                throw new ArgumentNullException("moduleRoot");
            }
            ImportRefusal refusal = RefuseHost() ?? RefuseOtherBuild(moduleRoot) ?? ModuleLoader.LoadStagedLibrary(moduleRoot);
            if (refusal != null)
            {
                throw new ImportRefusedException(refusal);
            }
            DeserializedBinding.DefineAttribute();
            functionScript = ModuleScripts.CurrentBundle(moduleRoot) ?? Path.Combine(moduleRoot, "ApimNative.Sources.ps1");
        }

        /// <summary>The function script to dot-source.</summary>
        public override string ToString()
        {
            return functionScript;
        }

        // The native libraries are 64-bit only. A 32-bit host (Windows PowerShell (x86), a 32-bit
        // Azure Automation hybrid worker) would load the x64 library and fail on the first call with
        // BadImageFormatException; refuse at import instead, saying why and what to run. (This
        // assembly itself is AnyCPU: loading it is harmless.)
        private static ImportRefusal RefuseHost()
        {
            if (IntPtr.Size == 8)
            {
                return null;
            }
            return new ImportRefusal(
                new PlatformNotSupportedException("ApimNative needs a 64-bit PowerShell: this process is 32-bit, and the native library ships for x64 and arm64 only. Start the 64-bit Windows PowerShell (C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe, not SysWOW64) or pwsh."),
                "ApimNative.ImportFailed",
                "NotImplemented",
                IntPtr.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // An assembly cannot be unloaded, and PowerShell hands RequiredAssemblies the one already
        // loaded when it is the same file (same name, version and build): the assembly running
        // here may then be another copy's. Only this module's own file may run it; an import
        // -Force of the same copy is fine. Another assembly with an ApimNative.Interop type (a
        // stand-in, a build loaded some other way) is refused too, naming its version. (Another
        // build loaded from a file never gets here: .NET refuses to load a second assembly of the
        // same name, and Import-Module fails with "Assembly with same name is already loaded".)
        private static ImportRefusal RefuseOtherBuild(string moduleRoot)
        {
            Assembly own = typeof(ModuleImport).Assembly;
            string expected = Path.GetFullPath(Path.Combine(Path.Combine(moduleRoot, "bin"), AssemblyFileName));
            string running = own.Location;
            if (!string.IsNullOrEmpty(running) && !SamePath(Path.GetFullPath(running), expected))
            {
                string runningBuild = BuildOf(own);
                string wantedBuild = File.Exists(expected) ? FileBuild(expected) : "missing";
                string message = string.Equals(runningBuild, wantedBuild, StringComparison.Ordinal)
                    ? string.Format("This session already runs ApimNative from {0}; a process can load its assembly and native library only once, so the module in {1} cannot be imported here. Start a new PowerShell session to use this copy.", Path.GetDirectoryName(Path.GetDirectoryName(running)), moduleRoot)
                    : string.Format("This session already loaded ApimNative.Interop {0} (from {1}); {2} is version {3}. An assembly cannot be unloaded: start a new PowerShell session to use the new build.", runningBuild, running, expected, wantedBuild);
                return new ImportRefusal(new InvalidOperationException(message), "ResourceExists", expected);
            }
            foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!ReferenceEquals(loaded, own) && (loaded.GetName().Name == own.GetName().Name || loaded.GetType(typeof(Interop).FullName, false) != null))
                {
                    return new ImportRefusal(
                        new InvalidOperationException(string.Format(
                            "This session already loaded ApimNative.Interop {0}; {1} is version {2}. An assembly cannot be unloaded: start a new PowerShell session to use the new build.",
                            BuildOf(loaded), expected, BuildOf(own))),
                        "ResourceExists",
                        expected);
                }
            }
            return null;
        }

        private static bool SamePath(string a, string b)
        {
            return string.Equals(a, b, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        // The build: a file version when one is written, else the assembly version (build.ps1:
        // the module version and a revision from the C# sources).
        private static string BuildOf(Assembly assembly)
        {
            object[] attributes = assembly.GetCustomAttributes(typeof(AssemblyFileVersionAttribute), false);
            return attributes.Length == 1 ? ((AssemblyFileVersionAttribute)attributes[0]).Version : assembly.GetName().Version.ToString();
        }

        private static string FileBuild(string path)
        {
            try
            {
                string version = System.Diagnostics.FileVersionInfo.GetVersionInfo(path).FileVersion;
                return string.IsNullOrEmpty(version) ? AssemblyName.GetAssemblyName(path).Version.ToString() : version;
            }
            catch (IOException)
            {
                return "unreadable";
            }
            catch (BadImageFormatException)
            {
                return "unreadable";
            }
        }
    }
}
