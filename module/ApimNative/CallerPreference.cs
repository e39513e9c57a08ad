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

        // Bound on first use, as ObjectJson's PowerShellTypes is: a bind that throws is tried again
        // by the next use (PublicationOnly), and once bound, every call reads it without a lock.
        private static readonly Lazy<Accessors> Bound = new Lazy<Accessors>(Accessors.Bind, System.Threading.LazyThreadSafetyMode.PublicationOnly);

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
            Accessors use = Bound.Value;
            IDictionary bound = use.BoundParameters(cmdlet);
            object[] values = null;
            for (int i = 0; i < Variables.Length; i++)
            {
                if (CommonParameters[i] != null && bound != null && bound.Contains(CommonParameters[i]))
                {
                    continue;
                }
                object caller = use.CallerValue(cmdlet, Variables[i]);
                if (caller == null || caller.Equals(use.ModuleValue(cmdlet, Variables[i])))
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
            Accessors use = Bound.Value;
            if (values != null)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] != null)
                    {
                        use.SetInCmdletScope(cmdlet, Variables[i], values[i]);
                    }
                }
            }
            object debug = use.ModuleValue(cmdlet, "DebugPreference");
            if (debug != null && string.Equals(debug.ToString(), "Inquire", StringComparison.OrdinalIgnoreCase))
            {
                use.SetInCmdletScope(cmdlet, "DebugPreference", use.ContinuePreference);
            }
            return FirstUseDue(cmdlet);
        }

        /// <summary>True while the module's first-use work is still due (its format views are not
        /// loaded yet: $script:ApimNativeFormatsLoaded), which the caller then does.</summary>
        internal static bool FirstUseDue(object cmdlet)
        {
            return !true.Equals(Bound.Value.ModuleValue(cmdlet, "ApimNativeFormatsLoaded"));
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
            Accessors use = Bound.Value;
            if (answer.Exchanges.Length > 0 && (Writes(use.ModuleValue(cmdlet, "VerbosePreference")) || Writes(use.ModuleValue(cmdlet, "DebugPreference"))))
            {
                return false;
            }
            foreach (object output in answer.Output)
            {
                use.WriteObject(cmdlet, output);
            }
            return true;
        }

        // Anything but SilentlyContinue (a value of another shape too) is left to PowerShell's own check.
        private static bool Writes(object preference)
        {
            return preference == null || !string.Equals(preference.ToString(), "SilentlyContinue", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>PowerShell's members this class uses, as compiled delegates.</summary>
        private sealed class Accessors
        {
            internal readonly Func<object, string, object> CallerValue;
            internal readonly Func<object, IDictionary> BoundParameters;
            internal readonly Func<object, string, object> ModuleValue;
            internal readonly Action<object, string, object> SetInCmdletScope;
            internal readonly Action<object, object> WriteObject;
            internal readonly object ContinuePreference;

            internal static Accessors Bind()
            {
                Assembly automation = PowerShellTypes.FindAutomationAssembly();
                if (automation == null)
                {
                    throw new InvalidOperationException("CallerPreference needs PowerShell: System.Management.Automation is not loaded.");
                }
                return new Accessors(automation);
            }

            private Accessors(Assembly automation)
            {
                Type cmdletType = automation.GetType("System.Management.Automation.PSCmdlet", true);
                ParameterExpression cmdlet = Expression.Parameter(typeof(object), "cmdlet");
                ParameterExpression name = Expression.Parameter(typeof(string), "name");
                Expression typed = Expression.Convert(cmdlet, cmdletType);
                // $PSCmdlet.SessionState is the caller's session state: its variables are what the
                // calling script sees.
                Expression variables = Expression.Property(Expression.Property(typed, "SessionState"), "PSVariable");
                MethodInfo getValue = variables.Type.GetMethod("GetValue", new[] { typeof(string) });
                CallerValue = Expression.Lambda<Func<object, string, object>>(Expression.Call(variables, getValue, name), cmdlet, name).Compile();
                // What the cmdlet sees without forwarding: its module's scope, then the global one.
                Expression module = Expression.Property(Expression.Property(Expression.Property(typed, "MyInvocation"), "MyCommand"), "Module");
                Expression moduleVariables = Expression.Property(Expression.Property(module, "SessionState"), "PSVariable");
                ModuleValue = Expression.Lambda<Func<object, string, object>>(Expression.Call(moduleVariables, getValue, name), cmdlet, name).Compile();
                ParameterExpression value = Expression.Parameter(typeof(object), "value");
                MethodInfo set = moduleVariables.Type.GetMethod("Set", new[] { typeof(string), typeof(object) });
                SetInCmdletScope = Expression.Lambda<Action<object, string, object>>(Expression.Call(moduleVariables, set, name, value), cmdlet, name, value).Compile();
                MethodInfo write = cmdletType.GetMethod("WriteObject", new[] { typeof(object) });
                WriteObject = Expression.Lambda<Action<object, object>>(Expression.Call(typed, write, value), cmdlet, value).Compile();
                ContinuePreference = Enum.Parse(automation.GetType("System.Management.Automation.ActionPreference", true), "Continue");
                BoundParameters = Expression.Lambda<Func<object, IDictionary>>(
                    Expression.TypeAs(Expression.Property(Expression.Property(typed, "MyInvocation"), "BoundParameters"), typeof(IDictionary)),
                    cmdlet).Compile();
            }
        }
    }
}
