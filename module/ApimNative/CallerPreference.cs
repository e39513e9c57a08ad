// The preference variables a script cmdlet takes from its caller, read in one call (C# 5,
// .NET Standard 2.0; PowerShell's types are bound at run time, as in ObjectJson.cs).
//
// Why in C#: Use-ApimCallerPreference read eight variables and checked seven common parameters
// through PowerShell's method calls, about 26 us of every cmdlet call (a builder's whole native
// call is 17 us); here the same reads cost a few microseconds and PowerShell makes one call.

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
                callerValue = Expression.Lambda<Func<object, string, object>>(Expression.Call(variables, getValue, name), cmdlet, name).Compile();
                // What the cmdlet sees without forwarding: its module's scope, then the global one.
                Expression module = Expression.Property(Expression.Property(Expression.Property(typed, "MyInvocation"), "MyCommand"), "Module");
                Expression moduleVariables = Expression.Property(Expression.Property(module, "SessionState"), "PSVariable");
                moduleValue = Expression.Lambda<Func<object, string, object>>(Expression.Call(moduleVariables, getValue, name), cmdlet, name).Compile();
                boundParameters = Expression.Lambda<Func<object, IDictionary>>(
                    Expression.TypeAs(Expression.Property(Expression.Property(typed, "MyInvocation"), "BoundParameters"), typeof(IDictionary)),
                    cmdlet).Compile();
            }
        }
    }
}
