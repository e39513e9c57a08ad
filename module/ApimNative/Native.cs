// ApimNative interop: the only code of the module that touches IntPtr. P/Invoke declarations for
// the C ABI in include/apim_native.h plus UTF-8 marshalling by hand, so it compiles as C# 5
// (Windows PowerShell 5.1 Add-Type) and on .NET 8+ alike: no string interpolation, no
// NativeLibrary, no Marshal.PtrToStringUTF8.
//
// The module replaces __APIM_NATIVE_LIBRARY__ with the absolute path of the staged library
// (bin/<rid>/<libname>) before Add-Type, so the library is loaded from exactly that file.
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

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            NativeMethods.apim_client_free(handle);
            return true;
        }
    }

    /// <summary>An in-process emulator (ApimEmulator*); released (stopped) with apim_emulator_stop.</summary>
    public sealed class EmulatorHandle : SafeHandle
    {
        /// <summary>http://127.0.0.1:PORT, to use as a client's armEndpoint / graphEndpoint.</summary>
        public string BaseUrl;

        public EmulatorHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            NativeMethods.apim_emulator_stop(handle);
            return true;
        }
    }

    /// <summary>A call running on a worker thread (Interop.BeginCall). Poll Wait so that the
    /// caller stays responsive (Ctrl+C), and call Interop.Cancel to make it return early.</summary>
    public sealed class PendingCall
    {
        private readonly ManualResetEvent done = new ManualResetEvent(false);
        private NativeResult result;
        private Exception failure;

        internal PendingCall(ClientHandle client, string operation, string requestJson)
        {
            Thread worker = new Thread(delegate()
            {
                try
                {
                    result = Interop.Call(client, operation, requestJson);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    done.Set();
                }
            });
            worker.IsBackground = true;
            worker.Name = "ApimNative " + operation;
            worker.Start();
        }

        /// <summary>True when the call has finished within the given time.</summary>
        public bool Wait(int milliseconds)
        {
            return done.WaitOne(milliseconds);
        }

        /// <summary>The result; blocks until the call has finished. Rethrows a marshalling failure.</summary>
        public NativeResult Result
        {
            get
            {
                done.WaitOne();
                if (failure != null)
                {
                    throw new InvalidOperationException("The native call failed: " + failure.Message, failure);
                }
                return result;
            }
        }
    }

    /// <summary>The module's one door to the native library.</summary>
    public static class Interop
    {
        private delegate int ClientOperation(ClientHandle client, byte[] requestJson, out IntPtr outJson);
        private delegate int BuilderOperation(byte[] requestJson, out IntPtr outJson);

        private static readonly Dictionary<string, ClientOperation> Operations = new Dictionary<string, ClientOperation>(StringComparer.Ordinal)
        {
            { "backend_create_or_update", NativeMethods.apim_backend_create_or_update },
            { "backend_get", NativeMethods.apim_backend_get },
            { "backend_get_entity_tag", NativeMethods.apim_backend_get_entity_tag },
            { "backend_list", NativeMethods.apim_backend_list },
            { "backend_update", NativeMethods.apim_backend_update },
            { "backend_delete", NativeMethods.apim_backend_delete },
            { "backend_reconnect", NativeMethods.apim_backend_reconnect },
            { "api_connector_create", NativeMethods.apim_api_connector_create },
            { "api_connector_get", NativeMethods.apim_api_connector_get },
            { "api_connector_list", NativeMethods.apim_api_connector_list },
            { "api_connector_update", NativeMethods.apim_api_connector_update },
            { "api_connector_delete", NativeMethods.apim_api_connector_delete },
            { "api_connector_upload_client_certificate", NativeMethods.apim_api_connector_upload_client_certificate },
        };

        private static readonly Dictionary<string, BuilderOperation> Builders = new Dictionary<string, BuilderOperation>(StringComparer.Ordinal)
        {
            { "backend_credential_new", NativeMethods.apim_backend_credential_new },
            { "backend_proxy_new", NativeMethods.apim_backend_proxy_new },
            { "backend_service_fabric_new", NativeMethods.apim_backend_service_fabric_new },
            { "backend_tls_new", NativeMethods.apim_backend_tls_new },
            { "backend_pool_item_new", NativeMethods.apim_backend_pool_item_new },
            { "backend_pool_new", NativeMethods.apim_backend_pool_new },
            { "backend_circuit_breaker_rule_new", NativeMethods.apim_backend_circuit_breaker_rule_new },
        };

        /// <summary>The native library's version (apim_version).</summary>
        public static string Version()
        {
            return ReadUtf8(NativeMethods.apim_version());
        }

        /// <summary>apim_client_new. On failure client is an invalid handle and the result holds the error.</summary>
        public static NativeResult NewClient(string optionsJson, out ClientHandle client)
        {
            IntPtr json;
            int status = NativeMethods.apim_client_new(ToUtf8(optionsJson), out client, out json);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>Runs operation (the C name without "apim_", e.g. "backend_get") on this thread.</summary>
        public static NativeResult Call(ClientHandle client, string operation, string requestJson)
        {
            if (client == null)
            {
                throw new ArgumentNullException("client");
            }
            ClientOperation function;
            if (operation == null || !Operations.TryGetValue(operation, out function))
            {
                throw new ArgumentException("Unknown native operation '" + operation + "'.", "operation");
            }
            IntPtr json;
            int status = function(client, ToUtf8(requestJson), out json);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>Starts Call on a worker thread; poll PendingCall.Wait and Cancel on Ctrl+C.</summary>
        public static PendingCall BeginCall(ClientHandle client, string operation, string requestJson)
        {
            if (client == null)
            {
                throw new ArgumentNullException("client");
            }
            if (operation == null || !Operations.ContainsKey(operation))
            {
                throw new ArgumentException("Unknown native operation '" + operation + "'.", "operation");
            }
            return new PendingCall(client, operation, requestJson);
        }

        /// <summary>apim_client_cancel: the client's calls in flight return status 5 (cancelled).</summary>
        public static void Cancel(ClientHandle client)
        {
            if (client == null || client.IsInvalid || client.IsClosed)
            {
                return;
            }
            NativeMethods.apim_client_cancel(client);
        }

        /// <summary>Runs a builder (the C name without "apim_", e.g. "backend_credential_new").</summary>
        public static NativeResult Build(string builder, string requestJson)
        {
            BuilderOperation function;
            if (builder == null || !Builders.TryGetValue(builder, out function))
            {
                throw new ArgumentException("Unknown native builder '" + builder + "'.", "builder");
            }
            IntPtr json;
            int status = function(ToUtf8(requestJson), out json);
            return new NativeResult(status, TakeUtf8(json));
        }

        /// <summary>apim_emulator_start; on success emulator.BaseUrl is set.</summary>
        public static NativeResult StartEmulator(string optionsJson, out EmulatorHandle emulator)
        {
            IntPtr json;
            int status = NativeMethods.apim_emulator_start(ToUtf8(optionsJson), out emulator, out json);
            NativeResult result = new NativeResult(status, TakeUtf8(json));
            if (result.Ok)
            {
                emulator.BaseUrl = FlatStringValue(result.Json, "baseUrl");
            }
            return result;
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
            if (text == IntPtr.Zero)
            {
                return null;
            }
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0)
            {
                length++;
            }
            byte[] bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Reads a string the library handed out and frees it with apim_string_free.</summary>
        private static string TakeUtf8(IntPtr text)
        {
            try
            {
                return ReadUtf8(text);
            }
            finally
            {
                NativeMethods.apim_string_free(text);
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

    /// <summary>The C functions. Strings go in as NUL-terminated UTF-8 byte arrays and come out as
    /// IntPtr that must be given back to apim_string_free.</summary>
    internal static class NativeMethods
    {
        private const string Library = "__APIM_NATIVE_LIBRARY__";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr apim_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void apim_string_free(IntPtr text);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_client_new(byte[] optionsJson, out ClientHandle client, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void apim_client_free(IntPtr client);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void apim_client_cancel(ClientHandle client);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_emulator_start(byte[] optionsJson, out EmulatorHandle emulator, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void apim_emulator_stop(IntPtr emulator);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_create_or_update(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_get(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_get_entity_tag(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_list(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_update(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_delete(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_reconnect(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        // Graph identity API connectors (src/ffi/api_connector.rs). Entry points are resolved on
        // first call, so these declarations cost nothing until used.
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_create(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_get(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_list(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_update(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_delete(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_api_connector_upload_client_certificate(ClientHandle client, byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_credential_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_proxy_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_service_fabric_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_tls_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_pool_item_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_pool_new(byte[] requestJson, out IntPtr outJson);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int apim_backend_circuit_breaker_rule_new(byte[] requestJson, out IntPtr outJson);
    }
}
