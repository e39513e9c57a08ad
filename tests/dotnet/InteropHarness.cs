// Drives module/ApimNative/Native.cs the way the module does (Interop.Load, then Interop.*), against the
// in-process emulator: the backend lifecycle, a non-ASCII round trip checked byte for byte, a
// builder, BeginCall/Wait, and NULL handling. Compiled with `mcs -langversion:5` and run under
// mono by tests/ffi/mono.rs. Prints "ok <step>" lines; exits 1 on the first failure.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ApimNative;

public static class InteropHarness
{
    private const string Address =
        "\"subscriptionId\":\"00000000-0000-0000-0000-000000000001\",\"resourceGroupName\":\"rg1\",\"serviceName\":\"apimService1\"";
    private const string Unicode = "Z\u00fcrich \u6771\u4eac \U0001F680";

    private static void Expect(string step, bool condition, NativeResult result)
    {
        if (!condition)
        {
            Console.WriteLine("FAILED " + step + ": status=" + (result == null ? "-" : result.Status.ToString()) + " json=" + (result == null ? "-" : result.Json));
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

    // The raw text of a JSON string value that contains no escapes (serde_json writes non-ASCII as is).
    private static string Field(string json, string key)
    {
        string marker = "\"" + key + "\":\"";
        int start = json.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += marker.Length;
        int end = json.IndexOf('"', start);
        return json.Substring(start, end - start);
    }

    // The module's Ctrl+C path: BeginCall, poll Wait(100), then Cancel from this thread. The server
    // accepts and never answers, so the call is certainly in flight when Cancel comes.
    private static void CancelLikeCtrlC()
    {
        TcpListener silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        ClientHandle client;
        NativeResult made = Interop.NewClient("{\"armEndpoint\":\"http://127.0.0.1:" + port + "\",\"retry\":{\"maxAttempts\":1},\"timeoutSeconds\":120}", out client);
        Expect("new_client_for_cancel", made.Ok, made);
        PendingCall pending = Interop.BeginCall(client, "backend_get", "{" + Address + ",\"backendId\":\"slow\"}");
        int polls = 0;
        bool finishedEarly = false;
        while (!silent.Pending() && !finishedEarly && polls++ < 300)
        {
            finishedEarly = pending.Wait(100);
        }
        Expect("call_reaches_server", silent.Pending() && !finishedEarly, finishedEarly ? pending.Result : null);
        TcpClient accepted = silent.AcceptTcpClient();
        Interop.Cancel(client);
        Expect("cancelled_call_returns", pending.Wait(30000), null);
        Expect("cancel_status", pending.Result.Status == 5 && pending.Result.Json.Contains("OperationCancelled"), pending.Result);
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
        Expect("start_emulator", started.Ok && emulator.BaseUrl != null && emulator.BaseUrl.StartsWith("http://127.0.0.1:"), started);

        ClientHandle client;
        NativeResult made = Interop.NewClient("{\"armEndpoint\":\"" + emulator.BaseUrl + "\",\"graphEndpoint\":\"" + emulator.BaseUrl + "\",\"retry\":{\"maxAttempts\":1}}", out client);
        Expect("new_client", made.Ok && !client.IsInvalid, made);

        string body = "{\"properties\":{\"description\":\"" + Unicode + "\",\"url\":\"https://mono.example/api\",\"protocol\":\"http\"}}";
        NativeResult created = Interop.Call(client, "backend_create_or_update", "{" + Address + ",\"backendId\":\"mono-b1\",\"body\":" + body + "}");
        Expect("create", created.Ok && created.Json.Contains("\"status\":201"), created);

        NativeResult got = Interop.Call(client, "backend_get", "{" + Address + ",\"backendId\":\"mono-b1\"}");
        Expect("get", got.Ok, got);
        string description = Field(got.Json, "description");
        Expect("unicode_round_trip", description == Unicode, got);
        Console.WriteLine("description_utf8 " + Hex(Encoding.UTF8.GetBytes(description)));

        NativeResult listed = Interop.Call(client, "backend_list", "{" + Address + "}");
        Expect("list", listed.Ok && listed.Json.Contains("\"name\":\"mono-b1\""), listed);

        NativeResult updated = Interop.Call(client, "backend_update", "{" + Address + ",\"backendId\":\"mono-b1\",\"ifMatch\":\"*\",\"body\":{\"properties\":{\"title\":\"" + Unicode + "\"}}}");
        Expect("update", updated.Ok && Field(updated.Json, "title") == Unicode && Field(updated.Json, "description") == Unicode, updated);

        PendingCall pending = Interop.BeginCall(client, "backend_get_entity_tag", "{" + Address + ",\"backendId\":\"mono-b1\"}");
        int polls = 0;
        while (!pending.Wait(100))
        {
            polls++;
            if (polls > 600)
            {
                Expect("begin_call_finishes", false, null);
            }
        }
        Expect("begin_call", pending.Result.Ok && pending.Result.Json.Contains("\"etag\":\""), pending.Result);

        NativeResult deleted = Interop.Call(client, "backend_delete", "{" + Address + ",\"backendId\":\"mono-b1\",\"ifMatch\":\"*\"}");
        Expect("delete", deleted.Ok, deleted);

        NativeResult gone = Interop.Call(client, "backend_get", "{" + Address + ",\"backendId\":\"mono-b1\"}");
        Expect("get_after_delete", gone.Status == 1 && gone.Json.Contains("ResourceNotFound"), gone);

        NativeResult credential = Interop.Build("backend_credential_new", "{\"query\":{\"sv\":[\"a\",\"b\"]},\"header\":{\"x-key\":[\"" + Unicode + "\"]}}");
        Expect("build_credential", credential.Ok && credential.Json.StartsWith("{\"body\":{") && credential.Json.Contains(Unicode), credential);

        NativeResult badBuild = Interop.Build("backend_credential_new", "[1]");
        Expect("build_rejects_non_object", badBuild.Status == 2 && badBuild.Json.Contains("\"target\":\"request_json\""), badBuild);

        NativeResult nullRequest = Interop.Call(client, "backend_get", null);
        Expect("null_request", nullRequest.Status == 3 && nullRequest.Json.Contains("\"target\":\"request_json\""), nullRequest);

        NativeResult malformed = Interop.Call(client, "backend_get", "{not json");
        Expect("malformed_json", malformed.Status == 2 && malformed.Json.Contains("not valid JSON"), malformed);

        // Every operation and builder Native.cs declares resolves in the library and reports a
        // NULL request as status 3 (no network involved).
        string[] operations = { "backend_create_or_update", "backend_get", "backend_get_entity_tag", "backend_list",
            "backend_update", "backend_delete", "backend_reconnect", "api_connector_create", "api_connector_get",
            "api_connector_list", "api_connector_update", "api_connector_delete", "api_connector_upload_client_certificate",
            "backend_export", "backend_plan", "backend_sync", "backend_mirror", "api_connector_export", "api_connector_plan", "api_connector_sync" };
        foreach (string operation in operations)
        {
            NativeResult r = Interop.Call(client, operation, null);
            if (r.Status != 3)
            {
                Expect("entry_point " + operation, false, r);
            }
        }
        string[] builders = { "backend_credential_new", "backend_proxy_new", "backend_service_fabric_new", "backend_tls_new",
            "backend_pool_item_new", "backend_pool_new", "backend_circuit_breaker_rule_new" };
        foreach (string builder in builders)
        {
            NativeResult r = Interop.Build(builder, null);
            if (r.Status != 3)
            {
                Expect("entry_point " + builder, false, r);
            }
        }
        Expect("every_entry_point_resolves", true, null);

        NativeResult connectors = Interop.Call(client, "api_connector_list", "{}");
        Expect("api_connector_list", connectors.Ok && connectors.Json.Contains("\"value\":[]"), connectors);

        Interop.Cancel(client);
        NativeResult afterCancel = Interop.Call(client, "backend_list", "{" + Address + "}");
        Expect("call_after_cancel", afterCancel.Ok, afterCancel);

        CancelLikeCtrlC();

        client.Dispose();
        emulator.Dispose();
        Console.WriteLine("done");
        return 0;
    }
}
