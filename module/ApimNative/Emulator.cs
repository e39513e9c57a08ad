// What Start-ApimNativeEmulator returns, as a declared type (C# 5, .NET Standard 2.0): help shows
// -Emulator <Emulator> on Connect-ApimNative and Stop-ApimNativeEmulator, and Get-Member and tab
// completion know its properties. Start-ApimNativeEmulator wraps it with the type name
// "ApimNative.Emulator" first, which the format view and the parameters' [PSTypeName()] read.
//
// A script may also pass an object of its own named ApimNative.Emulator (a [PSCustomObject] with a
// BaseUrl, for an emulator it started as apim-emulator; the Pester suite's counting relay is one),
// or a Deserialized copy: EmulatorConverter makes an Emulator of it, so that what binds is always
// of the declared type (measured on pwsh 7.6.9: a class parameter does not bind a converter's
// result of another type). [PSTypeName('ApimNative.Emulator')], which PowerShell checks on the
// converted value, still refuses any object without that name.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace ApimNative.Models
{
    [PowerShellTypeName("ApimNative.Emulator")]
    [TypeConverter(typeof(EmulatorConverter))]
    public sealed class Emulator
    {
        /// <summary>http://127.0.0.1:PORT, where the emulator answers ARM and Graph.</summary>
        public string BaseUrl { get; set; }

        public int Port { get; set; }

        /// <summary>The directory the emulator keeps its data in; null when it keeps them in memory.</summary>
        public string Path { get; set; }

        /// <summary>The running emulator; Stop-ApimNativeEmulator disposes it (left out of the default view).</summary>
        public EmulatorHandle Handle { get; set; }
    }

    /// <summary>Makes an Emulator of an object named ApimNative.Emulator (its BaseUrl, Port, Path
    /// and a live Handle, whatever else it carries left out); any other value is handed on unchanged
    /// for [PSTypeName('ApimNative.Emulator')] to refuse.</summary>
    public sealed class EmulatorConverter : TypeConverter
    {
        private const string TypeName = "ApimNative.Emulator";

        public override bool CanConvertFrom(ITypeDescriptorContext context, Type sourceType)
        {
            return true;
        }

        public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value)
        {
            if (value == null)
            {
                return null;
            }
            PowerShellTypes powerShell = PowerShellTypes.Instance;
            IList<KeyValuePair<string, object>> members = powerShell.CustomObjectMembers(value);
            // A Deserialized copy reaches here with its live name first ([ApimNative.AcceptDeserialized()]).
            if (members == null || powerShell.FirstTypeName(value) != TypeName)
            {
                return value;
            }
            Emulator emulator = new Emulator();
            foreach (KeyValuePair<string, object> member in members)
            {
                object memberValue = powerShell.Unwrap(member.Value);
                switch (member.Key)
                {
                    case "BaseUrl":
                        emulator.BaseUrl = memberValue == null ? null : Convert.ToString(memberValue, CultureInfo.InvariantCulture);
                        break;
                    case "Port":
                        if (memberValue is int)
                        {
                            emulator.Port = (int)memberValue;
                        }
                        break;
                    case "Path":
                        emulator.Path = memberValue as string;
                        break;
                    case "Handle":
                        emulator.Handle = memberValue as EmulatorHandle;
                        break;
                }
            }
            return powerShell.Wrap(emulator, TypeName);
        }
    }
}
