// ApimNative interop: the only code of the module that touches IntPtr. Calls the C ABI in
// include/apim_native.h through function pointers of the library loaded from the path the caller
// gives (Interop.Load), plus UTF-8 marshalling by hand. It compiles as C# 5 against .NET Standard
// 2.0 (build.ps1 makes bin/ApimNative.Interop.dll once; mcs -langversion:5 in the Mono test), so one
// assembly loads in Windows PowerShell 5.1, every PowerShell 7 and Mono: no string interpolation,
// no NativeLibrary, no Marshal.PtrToStringUTF8.
//
// Why function pointers rather than DllImport of the library: a prebuilt assembly cannot carry the
// library's path, and DllImport searches differ between .NET Framework, .NET and Mono; dlopen /
// LoadLibrary of an absolute path behaves the same everywhere.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace ApimNative
{
    /// <summary>The outcome of one native call: the ApimStatus value and its JSON document.</summary>
    public sealed class NativeResult
    {
        /// <summary>ApimStatus: 0 ok, 1 error, 2 invalid argument, 3 null argument, 4 panic, 5 cancelled.</summary>
        public int Status;
        /// <summary>The success JSON when Ok, otherwise the error JSON (code, message, target, details, category...).</summary>
        public string Json;

        public bool Ok { get { return Status == 0; } }

        public NativeResult() { }

        public NativeResult(int status, string json)
        {
            Status = status;
            Json = json;
        }
    }

    /// <summary>An ApimClient*; released with apim_client_free.</summary>
    public sealed class ClientHandle : SafeHandle
    {
        public ClientHandle() : base(IntPtr.Zero, true) { }

        internal ClientHandle(IntPtr client) : base(IntPtr.Zero, true)
        {
            SetHandle(client);
        }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            Interop.FreeClient(handle);
            return true;
        }
    }

    /// <summary>An in-process emulator (ApimEmulator*); released (stopped) with apim_emulator_stop.</summary>
    public sealed class EmulatorHandle : SafeHandle
    {
        /// <summary>http://127.0.0.1:PORT, to use as a client's armEndpoint / graphEndpoint.</summary>
        public string BaseUrl;

        public EmulatorHandle() : base(IntPtr.Zero, true) { }

        internal EmulatorHandle(IntPtr emulator) : base(IntPtr.Zero, true)
        {
            SetHandle(emulator);
        }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            Interop.StopEmulator(handle);
            return true;
        }
    }

    /// <summary>A cmdlet function's answer, read: the objects to write (already typed), the HTTP
    /// exchanges for -Verbose and -Debug, or the error. One object, so that PowerShell makes one
    /// call into .NET per cmdlet rather than one per step (each costs it several microseconds).</summary>
    public sealed class CmdletAnswer
    {
        private static readonly object[] None = new object[0];

        /// <summary>True when the function succeeded; Output holds its objects.</summary>
        public readonly bool Ok;

        /// <summary>The objects the cmdlet writes to the pipeline, in order.</summary>
        public readonly object[] Output;

        /// <summary>The HTTP exchanges of the call, as hashtables.</summary>
        public readonly object[] Exchanges;

        /// <summary>The error, read (a hashtable); null when Ok.</summary>
        public readonly object Error;

        /// <summary>The error JSON as the library wrote it; null when Ok.</summary>
        public readonly string ErrorJson;

        /// <summary>The values of the variables the cmdlet sets in its caller's scope, keyed by the
        /// parameter that names each variable (-ResponseHeadersVariable); null when none.</summary>
        public readonly System.Collections.IDictionary Variables;

        /// <summary>The function and the parameters the answer is for, kept by Interop.Run and
        /// RunBuilder for Invoke-ApimNativeCmdlet -Answer (the ErrorId's operation, the names of the
        /// variables to set); null from Invoke.</summary>
        public string Function { get; internal set; }

        public System.Collections.IDictionary Parameters { get; internal set; }

        internal CmdletAnswer(int status, byte[] json)
        {
            Ok = status == 0;
            object read = ObjectJson.Read(json);
            if (!Ok)
            {
                Output = None;
                Exchanges = None;
                Error = read;
                ErrorJson = Encoding.UTF8.GetString(json);
                return;
            }
            System.Collections.IDictionary answer = read as System.Collections.IDictionary;
            Output = answer == null ? None : (answer["output"] as object[] ?? None);
            Exchanges = answer == null ? None : (answer["exchanges"] as object[] ?? None);
            Variables = answer == null ? null : answer["variables"] as System.Collections.IDictionary;
        }
    }

    /// <summary>The module's one door to the native library.</summary>
    public static partial class Interop
    {
        private static readonly object LoadLock = new object();
        private static string libraryPathGiven;
        private static volatile NativeMethods native;

        /// <summary>The absolute path Load was given (the library is opened from it on first use); null before Load.</summary>
        public static string LibraryPath
        {
            get
            {
                lock (LoadLock)
                {
                    return libraryPathGiven;
                }
            }
        }

        /// <summary>Names the native library's absolute path; the library is opened and its entry
        /// points resolved on the first call that needs it, not here. Why lazily: opening the
        /// library and making a delegate per entry point was 7-20 ms of Import-Module, and a
        /// session that imports the module only to read help or list commands never needs it.
        /// Once per process: a second call with the same path does nothing, another path is refused
        /// (a loaded library cannot be swapped under the handles made from it).</summary>
        public static void Load(string libraryPath)
        {
            if (libraryPath == null)
            {
                throw new ArgumentNullException("libraryPath");
            }
            lock (LoadLock)
            {
                if (libraryPathGiven != null)
                {
                    if (!string.Equals(libraryPathGiven, libraryPath, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("The ApimNative native library is already loaded from " + libraryPathGiven +
                            "; this process cannot load it again from " + libraryPath + ". Start a new PowerShell session.");
                    }
                    return;
                }
                libraryPathGiven = libraryPath;
            }
        }

        private static NativeMethods Native
        {
            get
            {
                NativeMethods loaded = native;
                if (loaded != null)
                {
                    return loaded;
                }
                lock (LoadLock)
                {
                    if (native == null)
                    {
                        if (libraryPathGiven == null)
                        {
                            throw new InvalidOperationException("The ApimNative native library is not loaded: call Interop.Load(path) first.");
                        }
                        // A failure here (a damaged library) leaves native null: the next call tries again.
                        native = new NativeMethods(libraryPathGiven);
                    }
                    return native;
                }
            }
        }

        /// <summary>The native library's version (apim_version).</summary>
        public static string Version()
        {
            return ReadUtf8(Native.Version());
        }

        /// <summary>apim_client_new. On failure client is an invalid handle and the result holds the error.</summary>
        public static NativeResult NewClient(string optionsJson, out ClientHandle client)
        {
            IntPtr json;
            IntPtr raw;
            int status = Native.ClientNew(ToUtf8(optionsJson), out raw, out json);
            client = new ClientHandle(raw);
            return new NativeResult(status, TakeUtf8(json));
        }

        private static int CallFunction(ClientHandle client, NativeMethods.ClientOperation function, byte[] parametersJson, out IntPtr json)
        {
            bool added = false;
            try
            {
                // The handle cannot be freed by another thread while the call runs.
                client.DangerousAddRef(ref added);
                return function(client.DangerousGetHandle(), parametersJson, out json);
            }
            finally
            {
                if (added)
                {
                    client.DangerousRelease();
                }
            }
        }

        /// <summary>Runs a cmdlet function (the C name without "apim_", e.g. "cmdlet_backend_get")
        /// with the cmdlet's bound parameters here, on the caller's thread, and reads its answer.
        /// Without a client the function is a builder (it makes no request). With one, the call is
        /// watched while it runs (StopWatcher): once stopRequested says so, the client's calls
        /// are cancelled and this returns the cancelled answer (status 5); PowerShell then stops
        /// the pipeline at its next statement. stopRequested is the calling cmdlet ($PSCmdlet,
        /// whose Stopping turns true on Ctrl+C or PowerShell.Stop()), a Func&lt;bool&gt; (a .NET
        /// caller), or null (never stopped). The function is looked up by name on first use, so a
        /// new cmdlet needs no change here.
        ///
        /// Why on the caller's thread: handing the call to the thread pool and polling for it
        /// cost two thread wake-ups per call, and more when the pool's threads had gone idle
        /// between calls; the watcher is off the call's path and wakes only every 100 ms.</summary>
        public static CmdletAnswer Invoke(object stopRequested, ClientHandle client, string function, System.Collections.IDictionary parameters)
        {
            byte[] parametersJson = ObjectJson.WriteParametersUtf8(parameters);
            if (client == null)
            {
                NativeMethods.BuilderOperation builder = Native.CmdletBuilder(function);
                if (builder == null)
                {
                    throw new ArgumentException("The native library has no apim_" + function + ".", "function");
                }
                IntPtr json;
                int status = builder(parametersJson, out json);
                return new CmdletAnswer(status, TakeUtf8Bytes(json));
            }
            NativeMethods.ClientOperation operation = Native.CmdletOperation(function);
            if (operation == null)
            {
                throw new ArgumentException("The native library has no apim_" + function + ".", "function");
            }
            Func<bool> stopping = stopRequested as Func<bool>;
            if (stopping == null && stopRequested != null)
            {
                stopping = PowerShellTypes.Instance.Stopping(stopRequested);
            }
            StopWatcher.WatchedCall watched = stopping == null ? null : StopWatcher.Add(stopping, client);
            try
            {
                IntPtr json;
                int status = CallFunction(client, operation, parametersJson, out json);
                return new CmdletAnswer(status, TakeUtf8Bytes(json));
            }
            finally
            {
                if (watched != null)
                {
                    StopWatcher.Remove(watched);
                }
            }
        }

        /// <summary>Invoke for a cmdlet's last call, finished here when nothing is left for
        /// PowerShell: the output objects are written through the cmdlet ($PSCmdlet) and null is
        /// returned. Otherwise (a failure, variables to set, exchange lines while -Verbose or -Debug
        /// writes them) nothing is written and the answer is returned for
        /// Invoke-ApimNativeCmdlet -Answer to finish (CallerPreference.Finish).
        ///
        /// Why: a call of Invoke-ApimNativeCmdlet and its statements cost PowerShell about 40 us,
        /// twice a builder's native call; a call whose output is returned into a variable (a
        /// ShouldProcess plan) goes through Invoke-ApimNativeCmdlet instead, as WriteObject would
        /// send it to the cmdlet's output.</summary>
        public static CmdletAnswer Run(object cmdlet, ClientHandle client, string function, System.Collections.IDictionary parameters)
        {
            CmdletAnswer answer = Invoke(cmdlet, client, function, parameters);
            return CallerPreference.Finish(cmdlet, answer) ? null : Unfinished(answer, function, parameters);
        }

        /// <summary>A builder cmdlet's whole body (no request): runs the builder and finishes as Run
        /// does; the session's first use (the format views not loaded yet) is left to
        /// Invoke-ApimNativeCmdlet -Answer too.
        ///
        /// Why the caller's preferences are not forwarded here, as . Use-ApimCallerPreference does
        /// for the other cmdlets: a builder writes nothing a preference governs (no request, so no
        /// ShouldProcess and no verbose or debug lines; no warning, progress or information), and
        /// its one error is terminating, which the caller's own $ErrorActionPreference governs
        /// where the error lands. Reading the sixteen preference variables cost 6 us of a builder's
        /// 100 (README, PowerShell). A builder that comes to write any of those must forward them
        /// first (CallerPreference.Apply).</summary>
        public static CmdletAnswer RunBuilder(object cmdlet, string function, System.Collections.IDictionary parameters)
        {
            bool firstUse = CallerPreference.FirstUseDue(cmdlet);
            CmdletAnswer answer = Invoke(cmdlet, null, function, parameters);
            return !firstUse && CallerPreference.Finish(cmdlet, answer) ? null : Unfinished(answer, function, parameters);
        }

        private static CmdletAnswer Unfinished(CmdletAnswer answer, string function, System.Collections.IDictionary parameters)
        {
            answer.Function = function;
            answer.Parameters = parameters;
            return answer;
        }

        /// <summary>apim_client_cancel: the client's calls in flight return status 5 (cancelled).</summary>
        public static void Cancel(ClientHandle client)
        {
            if (client == null || client.IsInvalid || client.IsClosed)
            {
                return;
            }
            bool added = false;
            try
            {
                client.DangerousAddRef(ref added);
                Native.ClientCancel(client.DangerousGetHandle());
            }
            finally
            {
                if (added)
                {
                    client.DangerousRelease();
                }
            }
        }

        /// <summary>apim_emulator_start; on success emulator.BaseUrl is set.</summary>
        public static NativeResult StartEmulator(string optionsJson, out EmulatorHandle emulator)
        {
            IntPtr json;
            IntPtr raw;
            int status = Native.EmulatorStart(ToUtf8(optionsJson), out raw, out json);
            emulator = new EmulatorHandle(raw);
            NativeResult result = new NativeResult(status, TakeUtf8(json));
            if (result.Ok)
            {
                emulator.BaseUrl = FlatStringValue(result.Json, "baseUrl");
            }
            return result;
        }

        internal static void FreeClient(IntPtr client)
        {
            Native.ClientFree(client);
        }

        internal static void StopEmulator(IntPtr emulator)
        {
            Native.EmulatorStop(emulator);
        }

        /// <summary>UTF-8 bytes plus the terminating NUL; null stays null (the library reports it).</summary>
        private static byte[] ToUtf8(string text)
        {
            if (text == null)
            {
                return null;
            }
            byte[] encoded = Encoding.UTF8.GetBytes(text);
            byte[] terminated = new byte[encoded.Length + 1];
            Buffer.BlockCopy(encoded, 0, terminated, 0, encoded.Length);
            return terminated;
        }

        /// <summary>Reads a NUL-terminated UTF-8 string the library owns (not freed).</summary>
        private static string ReadUtf8(IntPtr text)
        {
            byte[] bytes = ReadUtf8Bytes(text);
            return bytes == null ? null : Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Reads a string the library handed out and frees it with apim_string_free.</summary>
        private static string TakeUtf8(IntPtr text)
        {
            byte[] bytes = TakeUtf8Bytes(text);
            return bytes == null ? null : Encoding.UTF8.GetString(bytes);
        }

        /// <summary>The UTF-8 bytes (without the NUL) of a string the library handed out, which is then
        /// freed with apim_string_free.</summary>
        private static byte[] TakeUtf8Bytes(IntPtr text)
        {
            try
            {
                return ReadUtf8Bytes(text);
            }
            finally
            {
                Native.StringFree(text);
            }
        }

        // Why a page at a time: Marshal.ReadByte per byte cost about 3 ms for a list's 909 KB
        // answer. Memory is mapped in whole pages, so reading up to the end of a page that holds a
        // byte of the string never touches memory the string does not share a page with (what C's
        // strlen does too); the NUL is then found by Array.IndexOf in managed memory.
        private const int PageSize = 4096;

        private static byte[] ReadUtf8Bytes(IntPtr text)
        {
            if (text == IntPtr.Zero)
            {
                return null;
            }
            System.IO.MemoryStream read = null;
            byte[] page = new byte[PageSize];
            long address = text.ToInt64();
            while (true)
            {
                int count = PageSize - (int)(address % PageSize);
                Marshal.Copy(new IntPtr(address), page, 0, count);
                int end = Array.IndexOf(page, (byte)0, 0, count);
                if (end >= 0 && read == null)
                {
                    byte[] bytes = new byte[end];
                    Buffer.BlockCopy(page, 0, bytes, 0, end);
                    return bytes;
                }
                if (read == null)
                {
                    read = new System.IO.MemoryStream();
                }
                read.Write(page, 0, end >= 0 ? end : count);
                if (end >= 0)
                {
                    return read.ToArray();
                }
                address += count;
            }
        }

        /// <summary>The value of "key":"..." in a small flat JSON object without escapes (baseUrl).</summary>
        private static string FlatStringValue(string json, string key)
        {
            string marker = "\"" + key + "\":\"";
            int start = json.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }
            start += marker.Length;
            int end = json.IndexOf('"', start);
            return end < 0 ? null : json.Substring(start, end - start);
        }
    }

    /// <summary>The C functions of one loaded library. Strings go in as NUL-terminated UTF-8 byte
    /// arrays and come out as IntPtr that must be given back to apim_string_free. Handles are raw
    /// pointers here; ClientHandle / EmulatorHandle own them.</summary>
    internal sealed partial class NativeMethods
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate IntPtr VersionFunction();

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate void PointerFunction(IntPtr pointer);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int StartFunction(byte[] optionsJson, out IntPtr handle, out IntPtr outJson);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int ClientOperation(IntPtr client, byte[] requestJson, out IntPtr outJson);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int BuilderOperation(byte[] requestJson, out IntPtr outJson);

        internal readonly string Path;
        internal readonly VersionFunction Version;
        internal readonly PointerFunction StringFree;
        internal readonly StartFunction ClientNew;
        internal readonly PointerFunction ClientFree;
        internal readonly PointerFunction ClientCancel;
        internal readonly StartFunction EmulatorStart;
        internal readonly PointerFunction EmulatorStop;
        // The cmdlet functions, reached by name and made into a delegate on first use: the module
        // calls a handful of them per session, and making all of them at once was work for nothing.
        private readonly Dictionary<string, Delegate> byName = new Dictionary<string, Delegate>(StringComparer.Ordinal);
        private readonly IntPtr library;

        internal NativeMethods(string path)
        {
            Path = path;
            library = LibraryLoader.Open(path);
            Version = (VersionFunction)Resolve(library, "apim_version", typeof(VersionFunction));
            StringFree = (PointerFunction)Resolve(library, "apim_string_free", typeof(PointerFunction));
            ClientNew = (StartFunction)Resolve(library, "apim_client_new", typeof(StartFunction));
            ClientFree = (PointerFunction)Resolve(library, "apim_client_free", typeof(PointerFunction));
            ClientCancel = (PointerFunction)Resolve(library, "apim_client_cancel", typeof(PointerFunction));
            EmulatorStart = (StartFunction)Resolve(library, "apim_emulator_start", typeof(StartFunction));
            EmulatorStop = (PointerFunction)Resolve(library, "apim_emulator_stop", typeof(PointerFunction));
        }

        /// <summary>apim_{name} as a client function, or null when the library has no such symbol.</summary>
        internal ClientOperation CmdletOperation(string name)
        {
            return IsCmdlet(name) ? (ClientOperation)ByName(name, typeof(ClientOperation)) : null;
        }

        /// <summary>apim_{name} as a builder (no client), or null when the library has no such symbol.</summary>
        internal BuilderOperation CmdletBuilder(string name)
        {
            return IsCmdlet(name) ? (BuilderOperation)ByName(name, typeof(BuilderOperation)) : null;
        }

        private static bool IsCmdlet(string name)
        {
            return name != null && name.StartsWith("cmdlet_", StringComparison.Ordinal);
        }

        // apim_{name} as a delegateType, made once; null when the library has no such function.
        private Delegate ByName(string name, Type delegateType)
        {
            lock (byName)
            {
                Delegate function;
                if (!byName.TryGetValue(name, out function))
                {
                    IntPtr address = LibraryLoader.Symbol(library, "apim_" + name);
                    function = address == IntPtr.Zero ? null : Marshal.GetDelegateForFunctionPointer(address, delegateType);
                    byName[name] = function;
                }
                return function != null && function.GetType() == delegateType ? function : null;
            }
        }

        private Delegate Resolve(IntPtr library, string symbol, Type delegateType)
        {
            IntPtr address = LibraryLoader.Symbol(library, symbol);
            if (address == IntPtr.Zero)
            {
                throw new EntryPointNotFoundException("The native library " + Path + " has no " + symbol +
                    " (an older or newer build than this module): rebuild with build.ps1 -Task Build.");
            }
            return Marshal.GetDelegateForFunctionPointer(address, delegateType);
        }
    }

    /// <summary>dlopen/dlsym (Linux, macOS, Mono) or LoadLibrary/GetProcAddress (Windows).</summary>
    internal static class LibraryLoader
    {
        private const int RtldNow = 2;

        [DllImport("kernel32", EntryPoint = "LoadLibraryW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);

        [DllImport("kernel32", EntryPoint = "GetProcAddress", CharSet = CharSet.Ansi, ExactSpelling = true)]
        private static extern IntPtr GetProcAddress(IntPtr module, string name);

        // glibc keeps dlopen in libdl.so.2 (a stub forwarding to libc since 2.34).
        [DllImport("libdl.so.2", EntryPoint = "dlopen")]
        private static extern IntPtr LinuxOpen(byte[] path, int flags);

        [DllImport("libdl.so.2", EntryPoint = "dlsym")]
        private static extern IntPtr LinuxSymbol(IntPtr library, byte[] name);

        [DllImport("libdl.so.2", EntryPoint = "dlerror")]
        private static extern IntPtr LinuxError();

        [DllImport("libSystem.dylib", EntryPoint = "dlopen")]
        private static extern IntPtr MacOpen(byte[] path, int flags);

        [DllImport("libSystem.dylib", EntryPoint = "dlsym")]
        private static extern IntPtr MacSymbol(IntPtr library, byte[] name);

        [DllImport("libSystem.dylib", EntryPoint = "dlerror")]
        private static extern IntPtr MacError();

        private static bool IsWindows
        {
            get { return System.IO.Path.DirectorySeparatorChar == '\\'; }
        }

        private static bool IsMac
        {
            get { return RuntimeInformation.IsOSPlatform(OSPlatform.OSX); }
        }

        internal static IntPtr Open(string path)
        {
            IntPtr library;
            string reason = null;
            if (IsWindows)
            {
                library = LoadLibraryW(path);
                if (library == IntPtr.Zero)
                {
                    reason = "Win32 error " + Marshal.GetLastWin32Error();
                }
            }
            else if (IsMac)
            {
                library = MacOpen(Terminated(path), RtldNow);
                if (library == IntPtr.Zero)
                {
                    reason = Ansi(MacError());
                }
            }
            else
            {
                library = LinuxOpen(Terminated(path), RtldNow);
                if (library == IntPtr.Zero)
                {
                    reason = Ansi(LinuxError());
                }
            }
            if (library == IntPtr.Zero)
            {
                throw new DllNotFoundException("The ApimNative native library could not be loaded from " + path + ": " + reason);
            }
            return library;
        }

        internal static IntPtr Symbol(IntPtr library, string name)
        {
            if (IsWindows)
            {
                return GetProcAddress(library, name);
            }
            if (IsMac)
            {
                return MacSymbol(library, Terminated(name));
            }
            return LinuxSymbol(library, Terminated(name));
        }

        private static byte[] Terminated(string text)
        {
            byte[] encoded = Encoding.UTF8.GetBytes(text);
            byte[] terminated = new byte[encoded.Length + 1];
            Buffer.BlockCopy(encoded, 0, terminated, 0, encoded.Length);
            return terminated;
        }

        private static string Ansi(IntPtr text)
        {
            return text == IntPtr.Zero ? "unknown reason" : Marshal.PtrToStringAnsi(text);
        }
    }

    // Sessions and the cloud table (apim_session_*, apim_cloud_list). Partial parts of Interop and
    // NativeMethods of their own, resolved on first use, so that this file's older parts stay as
    // they were.

    /// <summary>An ApimSession* (Connect-ApimNative's credential, secrets included, and its
    /// subscription); released with apim_session_free. The module keeps this handle instead of
    /// the secrets.</summary>
    public sealed class SessionHandle : SafeHandle
    {
        public SessionHandle() : base(IntPtr.Zero, true) { }

        internal SessionHandle(IntPtr session) : base(IntPtr.Zero, true)
        {
            SetHandle(session);
        }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            Interop.FreeSession(handle);
            return true;
        }
    }

    /// <summary>Connect-ApimNative's answer, read: the new session (valid only when Ok), the
    /// ApimNative.Connection to write (reading its subscription from the session), the text
    /// ShouldProcess shows, and the connection state the module keeps beside the handle (a
    /// hashtable without secrets); or the error.</summary>
    public sealed class ConnectAnswer
    {
        public readonly bool Ok;
        public readonly SessionHandle Session;
        public readonly object Connection;
        public readonly string Target;
        public readonly System.Collections.IDictionary State;
        public readonly object Error;
        public readonly string ErrorJson;

        internal ConnectAnswer(NativeResult result, SessionHandle session)
        {
            Ok = result.Ok;
            Session = session;
            object read = ObjectJson.Read(result.Json);
            if (!Ok)
            {
                Error = read;
                ErrorJson = result.Json;
                return;
            }
            System.Collections.IDictionary answer = read as System.Collections.IDictionary;
            if (answer == null)
            {
                return;
            }
            Target = answer["target"] as string;
            State = answer["connection"] as System.Collections.IDictionary;
            object[] output = answer["output"] as object[];
            if (output != null && output.Length > 0)
            {
                Connection = output[0];
                Models.Connection typed = PowerShellTypes.Instance.Unwrap(Connection) as Models.Connection;
                if (typed != null)
                {
                    typed.Session = session;
                }
            }
        }
    }

    public static partial class Interop
    {
        /// <summary>apim_session_new. On failure session is an invalid handle and the result holds the error.</summary>
        public static NativeResult NewSession(string optionsJson, out SessionHandle session)
        {
            IntPtr json;
            IntPtr raw;
            int status = Native.SessionFunctions().New(ToUtf8(optionsJson), out raw, out json);
            session = new SessionHandle(raw);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>apim_session_client_new: a client signing in with the session's credential.</summary>
        public static NativeResult NewSessionClient(SessionHandle session, string optionsJson, out ClientHandle client)
        {
            if (session == null)
            {
                throw new ArgumentNullException("session");
            }
            IntPtr json;
            IntPtr raw = IntPtr.Zero;
            int status;
            bool added = false;
            try
            {
                session.DangerousAddRef(ref added);
                status = Native.SessionFunctions().ClientNew(session.DangerousGetHandle(), ToUtf8(optionsJson), out raw, out json);
            }
            finally
            {
                if (added)
                {
                    session.DangerousRelease();
                }
            }
            client = new ClientHandle(raw);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>apim_session_info (no secret in it); null once the session is freed.</summary>
        public static string SessionInfo(SessionHandle session)
        {
            if (session == null || session.IsInvalid || session.IsClosed)
            {
                return null;
            }
            IntPtr json;
            int status;
            bool added = false;
            try
            {
                session.DangerousAddRef(ref added);
                status = Native.SessionFunctions().Info(session.DangerousGetHandle(), out json);
            }
            finally
            {
                if (added)
                {
                    session.DangerousRelease();
                }
            }
            string text = TakeUtf8(json);
            return status == 0 ? text : null;
        }

        /// <summary>apim_cmdlet_connect: Connect-ApimNative's bound parameters (and what only
        /// PowerShell knew: resolved paths, a store certificate) to a new session and its
        /// ApimNative.Connection. The session handle is the answer's; the caller keeps or frees it.</summary>
        public static ConnectAnswer Connect(System.Collections.IDictionary parameters)
        {
            IntPtr json;
            IntPtr raw;
            int status = Native.SessionFunctions().CmdletConnect(ToUtf8(ObjectJson.WriteParameters(parameters)), out raw, out json);
            SessionHandle session = new SessionHandle(raw);
            return new ConnectAnswer(new NativeResult(status, TakeUtf8(json)), session);
        }

        /// <summary>apim_cmdlet_client_new: the client a cmdlet calls through, from its endpoints
        /// and api-version as parameters; session is null when not connected.</summary>
        public static NativeResult NewCmdletClient(SessionHandle session, System.Collections.IDictionary parameters, out ClientHandle client)
        {
            byte[] parametersJson = ToUtf8(ObjectJson.WriteParameters(parameters));
            IntPtr json;
            IntPtr raw = IntPtr.Zero;
            int status;
            bool added = false;
            try
            {
                IntPtr sessionPointer = IntPtr.Zero;
                if (session != null)
                {
                    session.DangerousAddRef(ref added);
                    sessionPointer = session.DangerousGetHandle();
                }
                status = Native.SessionFunctions().CmdletClientNew(sessionPointer, parametersJson, out raw, out json);
            }
            finally
            {
                if (added)
                {
                    session.DangerousRelease();
                }
            }
            client = new ClientHandle(raw);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>apim_cloud_list: the clouds the library knows, as JSON ({"clouds":[...]}).</summary>
        public static string CloudList()
        {
            IntPtr json;
            int status = Native.SessionFunctions().CloudList(out json);
            string text = TakeUtf8(json);
            if (status != 0)
            {
                throw new InvalidOperationException("apim_cloud_list failed: " + text);
            }
            return text;
        }

        internal static void FreeSession(IntPtr session)
        {
            Native.SessionFunctions().Free(session);
        }
    }

    internal sealed partial class NativeMethods
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int SessionClientFunction(IntPtr session, byte[] optionsJson, out IntPtr client, out IntPtr outJson);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int HandleJsonFunction(IntPtr handle, out IntPtr outJson);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        internal delegate int JsonFunction(out IntPtr outJson);

        /// <summary>The session functions of one library, resolved together.</summary>
        internal sealed class Sessions
        {
            internal StartFunction New;
            internal SessionClientFunction ClientNew;
            internal HandleJsonFunction Info;
            internal PointerFunction Free;
            internal JsonFunction CloudList;
            internal StartFunction CmdletConnect;
            internal SessionClientFunction CmdletClientNew;
        }

        private Sessions sessions;

        internal Sessions SessionFunctions()
        {
            Sessions resolved = sessions;
            if (resolved == null)
            {
                resolved = new Sessions();
                resolved.New = (StartFunction)Resolve(library, "apim_session_new", typeof(StartFunction));
                resolved.ClientNew = (SessionClientFunction)Resolve(library, "apim_session_client_new", typeof(SessionClientFunction));
                resolved.Info = (HandleJsonFunction)Resolve(library, "apim_session_info", typeof(HandleJsonFunction));
                resolved.Free = (PointerFunction)Resolve(library, "apim_session_free", typeof(PointerFunction));
                resolved.CloudList = (JsonFunction)Resolve(library, "apim_cloud_list", typeof(JsonFunction));
                resolved.CmdletConnect = (StartFunction)Resolve(library, "apim_cmdlet_connect", typeof(StartFunction));
                resolved.CmdletClientNew = (SessionClientFunction)Resolve(library, "apim_cmdlet_client_new", typeof(SessionClientFunction));
                // A race resolves twice to equal delegates; either may be kept.
                sessions = resolved;
            }
            return resolved;
        }
    }
}
