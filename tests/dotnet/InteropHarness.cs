// Drives module/ApimNative/Native.cs the way the module does (Interop.Load, then the cmdlet
// functions through Interop.Invoke with the bound parameters as a hashtable, answers read into the
// declared classes), against the in-process emulator: the backend lifecycle, a non-ASCII round
// trip checked byte for byte, a builder, errors, and the Ctrl+C path (a stop signal watched while
// the call blocks this thread). Outside PowerShell the answers stay plain .NET (no PSObject).
// Compiled with `mcs -langversion:5` and run under mono by tests/ffi/mono.rs. Prints "ok <step>"
// lines; exits 1 on the first failure.
using System;
using System.Collections;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using ApimNative;
using ApimNative.Models;

public static class InteropHarness
{
    private const string Unicode = "Z\u00fcrich \u6771\u4eac \U0001F680";

    private static void Expect(string step, bool condition, CmdletAnswer answer)
    {
        if (!condition)
        {
            Console.WriteLine("FAILED " + step + ": " + (answer == null ? "-" : "ok=" + answer.Ok + " error=" + answer.ErrorJson + " output=" + answer.Output.Length));
            Environment.Exit(1);
        }
        Console.WriteLine("ok " + step);
    }

    private static string Hex(byte[] bytes)
    {
        StringBuilder sb = new StringBuilder();
        foreach (byte b in bytes)
        {
            sb.Append(b.ToString("x2"));
        }
        return sb.ToString();
    }

    private static Hashtable Context()
    {
        Hashtable context = new Hashtable();
        context["SubscriptionId"] = "00000000-0000-0000-0000-000000000001";
        context["ResourceGroupName"] = "rg1";
        context["ServiceName"] = "apimService1";
        return context;
    }

    private static Hashtable Backend(string id)
    {
        Hashtable parameters = new Hashtable();
        parameters["Context"] = Context();
        parameters["BackendId"] = id;
        return parameters;
    }

    private static PsApiManagementBackend First(CmdletAnswer answer)
    {
        return answer.Ok && answer.Output.Length == 1 ? answer.Output[0] as PsApiManagementBackend : null;
    }

    private static string ErrorCode(CmdletAnswer answer)
    {
        IDictionary error = answer.Error as IDictionary;
        return error == null ? null : error["code"] as string;
    }

    // The module's Ctrl+C path: the call blocks this thread; the stop signal turns true once the
    // server holds the connection, and the watcher cancels the call. The server accepts and never
    // answers, so only the cancel can end the call before the client's 120 s timeout.
    private static void CancelLikeCtrlC()
    {
        TcpListener silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        ClientHandle client;
        NativeResult made = Interop.NewClient("{\"armEndpoint\":\"http://127.0.0.1:" + port + "\",\"retry\":{\"maxAttempts\":1},\"timeoutSeconds\":120}", out client);
        Expect("new_client_for_cancel", made.Ok, null);
        bool reached = false;
        TcpClient accepted = null;
        Thread server = new Thread(delegate()
        {
            accepted = silent.AcceptTcpClient();
            reached = true;
        });
        server.Start();
        Func<bool> stopRequested = delegate() { return reached; };
        DateTime started = DateTime.UtcNow;
        CmdletAnswer answer = Interop.Invoke(stopRequested, client, "cmdlet_backend_get", Backend("slow"));
        Expect("call_reaches_server", reached, answer);
        Expect("cancelled_call_returns", (DateTime.UtcNow - started).TotalSeconds < 60, answer);
        Expect("cancel_status", !answer.Ok && ErrorCode(answer) == "OperationCancelled", answer);
        server.Join();
        accepted.Close();
        silent.Stop();
        client.Dispose();
    }

    public static int Main(string[] args)
    {
        // The library's absolute path comes at run time, as the module hands it over.
        Interop.Load(args[0]);
        Interop.Load(args[0]);
        Expect("load_is_idempotent", Interop.LibraryPath == args[0], null);
        bool refused = false;
        try
        {
            Interop.Load(args[0] + ".other");
        }
        catch (InvalidOperationException)
        {
            refused = true;
        }
        Expect("load_refuses_another_path", refused, null);
        Console.WriteLine("version " + Interop.Version());

        EmulatorHandle emulator;
        NativeResult started = Interop.StartEmulator("{}", out emulator);
        Expect("start_emulator", started.Ok && emulator.BaseUrl != null && emulator.BaseUrl.StartsWith("http://127.0.0.1:"), null);

        ClientHandle client;
        NativeResult made = Interop.NewClient("{\"armEndpoint\":\"" + emulator.BaseUrl + "\",\"graphEndpoint\":\"" + emulator.BaseUrl + "\",\"retry\":{\"maxAttempts\":1}}", out client);
        Expect("new_client", made.Ok && !client.IsInvalid, null);

        Hashtable create = Backend("mono-b1");
        create["Url"] = "https://mono.example/api";
        create["Protocol"] = "http";
        create["Description"] = Unicode;
        CmdletAnswer created = Interop.Invoke(null, client, "cmdlet_backend_create_or_update", create);
        PsApiManagementBackend backend = First(created);
        Expect("create", backend != null && backend.BackendId == "mono-b1" && backend.Url == "https://mono.example/api" && backend.ETag != null, created);
        Expect("create_exchange", created.Exchanges.Length == 1, created);

        CmdletAnswer got = Interop.Invoke(null, client, "cmdlet_backend_get", Backend("mono-b1"));
        backend = First(got);
        Expect("get", backend != null && backend.Context is IDictionary && (string)((IDictionary)backend.Context)["ServiceName"] == "apimService1", got);
        Expect("unicode_round_trip", backend.Description == Unicode, got);
        Console.WriteLine("description_utf8 " + Hex(Encoding.UTF8.GetBytes(backend.Description)));

        Hashtable list = new Hashtable();
        list["Context"] = Context();
        CmdletAnswer listed = Interop.Invoke(null, client, "cmdlet_backend_get", list);
        Expect("list", listed.Ok && listed.Output.Length == 1 && ((PsApiManagementBackend)listed.Output[0]).BackendId == "mono-b1", listed);

        Hashtable update = Backend("mono-b1");
        update["Title"] = Unicode;
        update["PassThru"] = true;
        CmdletAnswer updated = Interop.Invoke(null, client, "cmdlet_backend_update", update);
        backend = First(updated);
        Expect("update", backend != null && backend.Title == Unicode && backend.Description == Unicode, updated);

        CmdletAnswer deleted = Interop.Invoke(null, client, "cmdlet_backend_delete", Backend("mono-b1"));
        Expect("delete", deleted.Ok, deleted);

        CmdletAnswer gone = Interop.Invoke(null, client, "cmdlet_backend_get", Backend("mono-b1"));
        Expect("get_after_delete", !gone.Ok && gone.ErrorJson.Contains("ResourceNotFound"), gone);

        Hashtable query = new Hashtable();
        query["sv"] = new[] { "a", "b" };
        Hashtable header = new Hashtable();
        header["x-key"] = new[] { Unicode };
        Hashtable credentialParameters = new Hashtable();
        credentialParameters["Query"] = query;
        credentialParameters["Header"] = header;
        CmdletAnswer credential = Interop.Invoke(null, null, "cmdlet_backend_credential_new", credentialParameters);
        PsApiManagementBackendCredential built = credential.Ok && credential.Output.Length == 1 ? credential.Output[0] as PsApiManagementBackendCredential : null;
        Expect("build_credential", built != null && ((string[])((IDictionary)built.Header)["x-key"])[0] == Unicode, credential);

        Hashtable incomplete = new Hashtable();
        incomplete["AuthorizationHeaderScheme"] = "basic";
        CmdletAnswer refusedBuild = Interop.Invoke(null, null, "cmdlet_backend_credential_new", incomplete);
        Expect("build_refuses_bad_value", !refusedBuild.Ok && refusedBuild.ErrorJson.Contains("AuthorizationHeaderParameter"), refusedBuild);

        bool unknown = false;
        try
        {
            Interop.Invoke(null, client, "cmdlet_no_such_thing", new Hashtable());
        }
        catch (ArgumentException)
        {
            unknown = true;
        }
        Expect("unknown_function_refused", unknown, null);

        CmdletAnswer connector = Interop.Invoke(null, client, "cmdlet_api_connector_get", new Hashtable());
        Expect("api_connector_list", connector.Ok && connector.Output.Length == 0, connector);

        Interop.Cancel(client);
        CmdletAnswer afterCancel = Interop.Invoke(null, client, "cmdlet_backend_get", list);
        Expect("call_after_cancel", afterCancel.Ok, afterCancel);

        CancelLikeCtrlC();

        client.Dispose();
        emulator.Dispose();
        Console.WriteLine("done");
        return 0;
    }
}
