// Cancels the native calls whose pipeline is stopping (Ctrl+C, PowerShell.Stop()), while the
// pipeline's own thread is blocked inside the call (C# 5, .NET Standard 2.0).
//
// Why a watcher thread: a cmdlet's native call runs on the pipeline's thread (Interop.Invoke),
// so nothing on that thread can notice a stop until the call returns. One background thread
// looks at the calls in flight every 100 ms and cancels the client of any whose pipeline is
// stopping; it is off the calls' path, and once no call has been in flight for a second it sleeps
// until the next one. Why not sleep as soon as no call is in flight: a cmdlet called in a loop
// then woke the watcher at every call (a thread wake-up, and the gate's lock contended by it).

using System;
using System.Collections.Generic;
using System.Threading;

namespace ApimNative
{
    internal static class StopWatcher
    {
        /// <summary>How often a call in flight is checked (and, while stopping, cancelled again).</summary>
        private const int PollMilliseconds = 100;

        /// <summary>Polls without a call in flight before the watcher sleeps until the next call.</summary>
        private const int IdlePollsBeforeSleep = 10;

        private static readonly object Gate = new object();
        private static readonly List<WatchedCall> Calls = new List<WatchedCall>();
        private static Thread watcher;
        private static bool watcherIdle;

        /// <summary>One call in flight: what says its pipeline is stopping, and its client.</summary>
        internal sealed class WatchedCall
        {
            internal readonly Func<bool> StopRequested;
            internal readonly ClientHandle Client;

            internal WatchedCall(Func<bool> stopRequested, ClientHandle client)
            {
                StopRequested = stopRequested;
                Client = client;
            }
        }

        /// <summary>Watches a call from now until Remove.</summary>
        internal static WatchedCall Add(Func<bool> stopRequested, ClientHandle client)
        {
            WatchedCall call = new WatchedCall(stopRequested, client);
            lock (Gate)
            {
                Calls.Add(call);
                if (watcher == null)
                {
                    watcher = new Thread(Watch);
                    watcher.IsBackground = true;
                    watcher.Name = "ApimNative stop watcher";
                    watcher.Start();
                }
                else if (watcherIdle)
                {
                    Monitor.Pulse(Gate);
                }
            }
            return call;
        }

        internal static void Remove(WatchedCall call)
        {
            lock (Gate)
            {
                Calls.Remove(call);
            }
        }

        private static void Watch()
        {
            List<ClientHandle> toCancel = new List<ClientHandle>();
            int idlePolls = 0;
            while (true)
            {
                lock (Gate)
                {
                    idlePolls = Calls.Count == 0 ? idlePolls + 1 : 0;
                    watcherIdle = idlePolls > IdlePollsBeforeSleep;
                    Monitor.Wait(Gate, watcherIdle ? Timeout.Infinite : PollMilliseconds);
                    if (watcherIdle)
                    {
                        idlePolls = 0;
                    }
                    watcherIdle = false;
                    foreach (WatchedCall call in Calls)
                    {
                        if (Stopping(call))
                        {
                            toCancel.Add(call.Client);
                        }
                    }
                }
                // Again at every poll while the call is still in flight: a cancel that came just
                // before the call reached the library would otherwise be missed (the library
                // cancels only the calls it is running).
                foreach (ClientHandle client in toCancel)
                {
                    try
                    {
                        Interop.Cancel(client);
                    }
                    catch (ObjectDisposedException)
                    {
                        // The client was freed after its call returned: nothing left to cancel.
                    }
                }
                toCancel.Clear();
            }
        }

        private static bool Stopping(WatchedCall call)
        {
            try
            {
                return call.StopRequested();
            }
            catch (Exception)
            {
                // A check that fails (its runspace closed) cannot be answered: the call keeps running.
                return false;
            }
        }
    }
}
