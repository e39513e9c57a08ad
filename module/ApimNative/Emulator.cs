// What Start-ApimNativeEmulator returns, as a declared type (C# 5, .NET Standard 2.0): help shows
// -Emulator <Emulator> on Connect-ApimNative and Stop-ApimNativeEmulator, and Get-Member and tab
// completion know its properties. Start-ApimNativeEmulator wraps it with the type name
// "ApimNative.Emulator" first, which the format view and the parameters' [PSTypeName()] read.
//
// A script may also pass an object of its own named ApimNative.Emulator (a [PSCustomObject] with a
// BaseUrl, for an emulator it started as apim-emulator; the Pester suite's counting relay is one):
// AsGivenConverter (ParameterTypes.cs) binds it unchanged, and [PSTypeName('ApimNative.Emulator')],
// which PowerShell checks on the converted value, still refuses any object without that name.

using System.ComponentModel;

namespace ApimNative.Models
{
    [PowerShellTypeName("ApimNative.Emulator")]
    [TypeConverter(typeof(AsGivenConverter))]
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
}
