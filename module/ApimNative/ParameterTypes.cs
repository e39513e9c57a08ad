// The types help shows for the parameters that take Az's and Graph's SDK objects, which this
// module does not load: -DefaultProfile <IAzureContextContainer>, and the Graph cmdlets'
// -InputObject <IIdentitySignInsIdentity> and -BodyParameter <IMicrosoftGraphIdentityApiConnector>
// (C# 5, .NET Standard 2.0). Get-Help and Get-Command print a parameter's .NET type name, so
// these interfaces carry the SDKs' names; they declare no members because nothing implements them.
//
// Why a TypeConverter and not an ArgumentTransformationAttribute: these parameters took any value
// as [PSObject] (a hashtable with any keys, a JSON string, a connector object, a Deserialized copy,
// a PSCustomObject, an Az context) and must go on doing so. Measured on pwsh 7.6.9: a value that
// is not of the parameter's type is handed to the type's System.ComponentModel.TypeConverter (the
// PSObject itself for a PSCustomObject or a Deserialized copy, so its type names and properties
// are intact), and for an interface type what the converter returns is bound as it is, given or
// piped, without another type check (a class type casts it, and fails: see Emulator.cs).
// AsGivenConverter returns the value unchanged, so the cmdlet (and ObjectJson, which writes the
// bound parameters for the library) sees exactly what it saw when the parameter was [PSObject].
// The Graph SDK declares its own interfaces with type converters too. TypeConverter is part of
// .NET Standard, so nothing needs System.Management.Automation or a type emitted at import. The
// conversion costs some 20-45 us of CPU per bound value on pwsh 7.6.9 (a given -DefaultProfile,
// -InputObject or -BodyParameter), against one HTTP exchange per call.

using System;
using System.ComponentModel;
using System.Globalization;

namespace ApimNative.Models
{
    /// <summary>The full name of the Az or Graph type a parameter type stands for (read by
    /// tests/module/surface.rs, which compares the parameters with the Az and Graph syntax).</summary>
    [AttributeUsage(AttributeTargets.Interface, Inherited = false)]
    public sealed class StandsForAttribute : Attribute
    {
        public readonly string Name;

        public StandsForAttribute(string name)
        {
            Name = name;
        }
    }

    /// <summary>Binds whatever value it is given, unchanged: the parameter's declared type names
    /// it in help, the cmdlet and the library judge the value (as they did for [PSObject]).</summary>
    public sealed class AsGivenConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext context, Type sourceType)
        {
            return true;
        }

        public override object ConvertFrom(ITypeDescriptorContext context, CultureInfo culture, object value)
        {
            return value;
        }
    }

    /// <summary>-DefaultProfile of the Az cmdlets: accepted (an Az context, or anything) and not used.</summary>
    [StandsFor("Microsoft.Azure.Commands.Common.Authentication.Abstractions.Core.IAzureContextContainer")]
    [TypeConverter(typeof(AsGivenConverter))]
    public interface IAzureContextContainer
    {
    }

    /// <summary>-InputObject of the Graph cmdlets: an object with IdentityApiConnectorId or Id.</summary>
    [StandsFor("Microsoft.Graph.PowerShell.Models.IIdentitySignInsIdentity")]
    [TypeConverter(typeof(AsGivenConverter))]
    public interface IIdentitySignInsIdentity
    {
    }

    /// <summary>-BodyParameter of New- and Update-MgIdentityApiConnector: a hashtable, a connector
    /// object or a JSON object string.</summary>
    [StandsFor("Microsoft.Graph.PowerShell.Models.IMicrosoftGraphIdentityApiConnector")]
    [TypeConverter(typeof(AsGivenConverter))]
    public interface IMicrosoftGraphIdentityApiConnector
    {
    }

    /// <summary>-BodyParameter of Invoke-MgUploadIdentityApiConnectorClientCertificate (pkcs12Value
    /// and password), under the name the Graph SDK generated for that request body.</summary>
    [StandsFor("Microsoft.Graph.PowerShell.Models.IPaths1Yvv9YeIdentityApiconnectorsIdentityapiconnectorIdMicrosoftGraphUploadclientcertificatePostRequestbodyContentApplicationJsonSchema")]
    [TypeConverter(typeof(AsGivenConverter))]
    public interface IPaths1Yvv9YeIdentityApiconnectorsIdentityapiconnectorIdMicrosoftGraphUploadclientcertificatePostRequestbodyContentApplicationJsonSchema
    {
    }
}
