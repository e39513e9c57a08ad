// The preference variables a script cmdlet takes from its caller, read in one call (C# 5,
// .NET Standard 2.0; PowerShell's types are bound at run time, as in ObjectJson.cs).
//
// Why in C#: Use-ApimCallerPreference read eight variables and checked seven common parameters
// through PowerShell's method calls, about 26 us of every cmdlet call (a builder's whole native
// call is 17 us); here the same reads cost a few microseconds and PowerShell makes one call.
// Apply also sets what it forwards, and Finish writes a finished answer's objects: each
// PowerShell statement or function call they replace cost a builder 3-25 us (README, PowerShell).

using System;
using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace ApimNative
{
    /// <summary>The caller's preferences for a script cmdlet ($PSCmdlet).</summary>
    public static class CallerPreference
    {
        /// <summary>The variables, in the order Of answers them.</summary>
        public static readonly string[] Variables =
        {
            "ErrorActionPreference", "WarningPreference", "InformationPreference", "VerbosePreference",
            "DebugPreference", "WhatIfPreference", "ConfirmPreference", "ProgressPreference",
        };

        // The common parameter that, given on the command line, wins over each variable (as for
        // Az's compiled cmdlets); $ProgressPreference has none.
        private static readonly string[] CommonParameters =
        {
            "ErrorAction", "WarningAction", "InformationAction", "Verbose", "Debug", "WhatIf", "Confirm", null,
        };

        private static readonly object BindLock = new object();
        private static Func<object, string, object> callerValue;
        private static Func<object, IDictionary> boundParameters;
        private static Func<object, string, object> moduleValue;
        private static Action<object, string, object> setInCmdletScope;
        private static Action<object, object> writeObject;
        private static object continuePreference;

        /// <summary>For each of Variables, the value in the caller's scope, or null where the cmdlet
        /// keeps its own (the matching common parameter was given, the caller has no such variable,
        /// or the cmdlet already sees the same value); null instead of the array when nothing is to
        /// be forwarded, the common case of a caller that set no preference of its own.</summary>
        public static object[] Of(object cmdlet)
        {
            if (cmdlet == null)
            {
                throw new ArgumentNullException("cmdlet");
            }
            Bind();
            IDictionary bound = boundParameters(cmdlet);
            object[] values = null;
            for (int i = 0; i < Variables.Length; i++)
            {
                if (CommonParameters[i] != null && bound != null && bound.Contains(CommonParameters[i]))
                {
                    continue;
                }
                object caller = callerValue(cmdlet, Variables[i]);
                if (caller == null || caller.Equals(moduleValue(cmdlet, Variables[i])))
                {
                    continue;
                }
                if (values == null)
                {
                    values = new object[Variables.Length];
                }
                values[i] = caller;
            }
            return values;
        }

        /// <summary>Forwards the caller's preferences into the calling cmdlet's own scope: each value
        /// Of answers is set there, as the cmdlet's assignment $ErrorActionPreference = ... would
        /// (the current scope of the cmdlet's module session state is the cmdlet's own while its
        /// body, or a function it dot-sources, runs). Then $DebugPreference Inquire becomes
        /// Continue: Windows PowerShell 5.1 sets Inquire for -Debug, which would prompt after every
        /// DEBUG line and throw under -NonInteractive (Az writes DEBUG lines without asking too).
        /// Returns true while the module's first-use work is still due (its format views are not
        /// loaded yet: $script:ApimNativeFormatsLoaded), which the caller then does.</summary>
        public static bool Apply(object cmdlet)
        {
            object[] values = Of(cmdlet);
            if (values != null)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != null)
                    {
                        setInCmdletScope(cmdlet, Variables[i], values[i]);
                    }
                }
            }
            object debug = moduleValue(cmdlet, "DebugPreference");
            if (debug != null && string.Equals(debug.ToString(), "Inquire", StringComparison.OrdinalIgnoreCase))
            {
                setInCmdletScope(cmdlet, "DebugPreference", continuePreference);
            }
            return FirstUseDue(cmdlet);
        }

        /// <summary>True while the module's first-use work is still due (its format views are not
        /// loaded yet: $script:ApimNativeFormatsLoaded), which the caller then does.</summary>
        internal static bool FirstUseDue(object cmdlet)
        {
            Bind();
            return !true.Equals(moduleValue(cmdlet, "ApimNativeFormatsLoaded"));
        }

        /// <summary>Writes a successful answer's objects through the cmdlet ($PSCmdlet.WriteObject,
        /// each object as the function's own output would be) and returns true, when nothing else
        /// is left to do; returns false, writing nothing, when PowerShell must finish it
        /// (Invoke-ApimNativeCmdlet -Answer): a failure (its error record), variables to set in the
        /// caller's scope, or exchange lines while $VerbosePreference or $DebugPreference writes
        /// (Write-Verbose / Write-Debug write them as the cmdlet's preferences say, never
        /// prompting, which $PSCmdlet.WriteDebug under -Debug in 5.1 would).</summary>
        internal static bool Finish(object cmdlet, CmdletAnswer answer)
        {
            if (!answer.Ok || answer.Variables != null)
            {
                return false;
            }
            Bind();
            if (answer.Exchanges.Length > 0 && (Writes(moduleValue(cmdlet, "VerbosePreference")) || Writes(moduleValue(cmdlet, "DebugPreference"))))
            {
                return false;
            }
            foreach (object output in answer.Output)
            {
                writeObject(cmdlet, output);
            }
            return true;
        }

        // Anything but SilentlyContinue (a value of another shape too) is left to PowerShell's own check.
        private static bool Writes(object preference)
        {
            return preference == null || !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }

        private static void Bind()
        {
            lock (BindLock)
            {
                if (callerValue != null)
                {
                    return;
                }
                Assembly automation = PowerShellTypes.FindAutomationAssembly();
                if (automation == null)
                {
                    throw new InvalidOperationException("CallerPreference needs PowerShell: System.Management.Automation is not loaded.");
                }
                Type cmdletType = automation.GetType("System.Management.Automation.PSCmdlet", true);
                ParameterExpression cmdlet = Expression.Parameter(typeof(object), "cmdlet");
                ParameterExpression name = Expression.Parameter(typeof(string), "name");
                Expression typed = Expression.Convert(cmdlet, cmdletType);
                // $PSCmdlet.SessionState is the caller's session state: its variables are what the
                // calling script sees.
                Expression variables = Expression.Property(Expression.Property(typed, "SessionState"), "PSVariable");
                MethodInfo getValue = variables.Type.GetMethod("GetValue", new[] { typeof(string) });
                Func<object, string, object> callerRead = Expression.Lambda<Func<object, string, object>>(Expression.Call(variables, getValue, name), cmdlet, name).Compile();
                // What the cmdlet sees without forwarding: its module's scope, then the global one.
                Expression module = Expression.Property(Expression.Property(Expression.Property(typed, "MyInvocation"), "MyCommand"), "Module");
                Expression moduleVariables = Expression.Property(Expression.Property(module, "SessionState"), "PSVariable");
                moduleValue = Expression.Lambda<Func<object, string, object>>(Expression.Call(moduleVariables, getValue, name), cmdlet, name).Compile();
                ParameterExpression value = Expression.Parameter(typeof(object), "value");
                MethodInfo set = moduleVariables.Type.GetMethod("Set", new[] { typeof(string), typeof(object) });
                setInCmdletScope = Expression.Lambda<Action<object, string, object>>(Expression.Call(moduleVariables, set, name, value), cmdlet, name, value).Compile();
                MethodInfo write = cmdletType.GetMethod("WriteObject", new[] { typeof(object) });
                writeObject = Expression.Lambda<Action<object, object>>(Expression.Call(typed, write, value), cmdlet, value).Compile();
                continuePreference = Enum.Parse(automation.GetType("System.Management.Automation.ActionPreference", true), "Continue");
                boundParameters = Expression.Lambda<Func<object, IDictionary>>(
                    Expression.TypeAs(Expression.Property(Expression.Property(typed, "MyInvocation"), "BoundParameters"), typeof(IDictionary)),
                    cmdlet).Compile();
                // Last: Bind returns early once this is set.
                callerValue = callerRead;
            }
        }
    }
}
