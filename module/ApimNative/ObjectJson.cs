// ApimNative object JSON: the one converter between PowerShell values and the JSON of the library's
// cmdlet functions (apim_cmdlet_*), with the conventions written in src/cmdlet/mod.rs:
//   - an object with a string member "PSTypeName" is a PowerShell object of that type;
//   - {"PSTypeName":"System.Security.SecureString","Value":"..."} is a SecureString;
//   - {"PSTypeName":"System.Management.Automation.PSCredential","UserName":"...","Password":<SecureString>}
//     is a PSCredential (PSCredential.Empty without a UserName);
//   - {"PSTypeName":"System.TimeSpan","Value":"PT1M"} is a TimeSpan (written as ISO 8601, read as
//     ISO 8601 or in the "c" format, 00:01:00);
//   - any other object is a hashtable; arrays are object[] (string[] when all items are strings);
//   - in an answer, {"PSShared":n} is the n-th value of its top-level "shared" array (SharedValues).
// JSON is written by the framework's own writer (JsonReaderWriterFactory, part of .NET Standard
// 2.0) and read by Newtonsoft.Json where the host has it (NewtonsoftReader.cs), else by the
// framework's reader. PSObjects are built through System.Management.Automation bound at run
// time (PowerShellTypes below), because this assembly references only netstandard.dll so that one
// build loads in Windows PowerShell 5.1 and every PowerShell 7.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Serialization.Json;
using System.Security;
using System.Text;
using System.Xml;

namespace ApimNative
{
    /// <summary>Reads and writes the cmdlet functions' JSON.</summary>
    public static class ObjectJson
    {
        public const string TypeNameMember = "PSTypeName";
        public const string SecureStringType = "System.Security.SecureString";
        private const string CredentialType = "System.Management.Automation.PSCredential";
        private const string TimeSpanType = "System.TimeSpan";

        // Why a limit: a value that contains itself (a hashtable holding itself) would recurse forever.
        private const int MaxDepth = 32;

        // What PowerShell adds to every advanced function's bound parameters, and DefaultProfile,
        // which the Az cmdlets take and ApimNative does not use: none of them is the cmdlet's data.
        private static readonly HashSet<string> NotSent = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
            "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer",
            "PipelineVariable", "WhatIf", "Confirm", "DefaultProfile",
        };

        /// <summary>A cmdlet's bound parameters as the JSON object its C function takes.</summary>
        public static string WriteParameters(IDictionary parameters)
        {
            byte[] json = WriteParametersUtf8(parameters);
            return Encoding.UTF8.GetString(json, 0, json.Length - 1);
        }

        /// <summary>WriteParameters as the NUL-terminated UTF-8 the C functions take.</summary>
        internal static byte[] WriteParametersUtf8(IDictionary parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }
            using (MemoryStream stream = new MemoryStream())
            {
                using (XmlDictionaryWriter writer = JsonReaderWriterFactory.CreateJsonWriter(stream, new UTF8Encoding(false), false))
                {
                    writer.WriteStartElement("root");
                    writer.WriteAttributeString("type", "object");
                    foreach (DictionaryEntry entry in parameters)
                    {
                        string name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                        if (NotSent.Contains(name))
                        {
                            continue;
                        }
                        WriteMember(writer, name, entry.Value, 1);
                    }
                    writer.WriteEndElement();
                    writer.Flush();
                }
                stream.WriteByte(0);
                return stream.ToArray();
            }
        }

        /// <summary>The value of a cmdlet function's JSON answer (output objects, error objects).</summary>
        public static object Read(string json)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }
            return Read(Encoding.UTF8.GetBytes(json));
        }

        /// <summary>Read, from the UTF-8 the library wrote.</summary>
        internal static object Read(byte[] json)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }
            NewtonsoftReader fast = NewtonsoftReader.Instance;
            if (fast != null)
            {
                return fast.Read(json);
            }
            return ReadWithFrameworkReader(json);
        }

        /// <summary>Read with the framework's reader, the one Windows PowerShell 5.1 and Mono have
        /// (a test reads the same text both ways on PowerShell 7).</summary>
        internal static object ReadWithFrameworkReader(byte[] json)
        {
            using (XmlDictionaryReader reader = JsonReaderWriterFactory.CreateJsonReader(json, XmlDictionaryReaderQuotas.Max))
            {
                reader.MoveToContent();
                return ReadValue(reader, 0, new SharedValues());
            }
        }

        private static void WriteMember(XmlDictionaryWriter writer, string name, object value, int depth)
        {
            // The "item" form takes any member name, also those that are not XML names (@odata.type).
            writer.WriteStartElement("a", "item", "item");
            writer.WriteAttributeString("item", name);
            WriteValue(writer, value, depth);
            writer.WriteEndElement();
        }

        private static void WriteValue(XmlDictionaryWriter writer, object value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new ArgumentException("A parameter value is nested more than " + MaxDepth + " levels deep (does it contain itself?).");
            }
            PowerShellTypes powerShell = PowerShellTypes.Instance;
            value = powerShell.Unwrap(value);
            if (value == null)
            {
                writer.WriteAttributeString("type", "null");
                return;
            }
            DeclaredType declared = OutputTypeRegistry.Of(value.GetType());
            if (declared != null)
            {
                // One of our output objects given back (a backend piped to Set-): the members it was read from.
                writer.WriteAttributeString("type", "object");
                WriteMember(writer, TypeNameMember, declared.TypeName, depth + 1);
                foreach (DeclaredProperty property in declared.Properties)
                {
                    WriteMember(writer, property.Name, property.Get(value), depth + 1);
                }
                return;
            }
            if (value is string || value is char || value is Guid || value is Uri)
            {
                writer.WriteAttributeString("type", "string");
                writer.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }
            if (value is bool)
            {
                writer.WriteAttributeString("type", "boolean");
                writer.WriteString((bool)value ? "true" : "false");
                return;
            }
            if (value is Enum)
            {
                writer.WriteAttributeString("type", "string");
                writer.WriteString(value.ToString());
                return;
            }
            if (IsNumber(value))
            {
                writer.WriteAttributeString("type", "number");
                writer.WriteString(((IFormattable)value).ToString(value is double || value is float ? "R" : null, CultureInfo.InvariantCulture));
                return;
            }
            SecureString secure = value as SecureString;
            if (secure != null)
            {
                WriteSecureString(writer, secure);
                return;
            }
            IDictionary dictionary = value as IDictionary;
            if (dictionary != null)
            {
                writer.WriteAttributeString("type", "object");
                foreach (DictionaryEntry entry in dictionary)
                {
                    WriteMember(writer, Convert.ToString(entry.Key, CultureInfo.InvariantCulture), entry.Value, depth + 1);
                }
                return;
            }
            IList<KeyValuePair<string, object>> members = powerShell.CustomObjectMembers(value);
            if (members != null)
            {
                writer.WriteAttributeString("type", "object");
                WriteMember(writer, TypeNameMember, powerShell.FirstTypeName(value), depth + 1);
                foreach (KeyValuePair<string, object> member in members)
                {
                    WriteMember(writer, member.Key, member.Value, depth + 1);
                }
                return;
            }
            if (powerShell.IsSwitch(value))
            {
                writer.WriteAttributeString("type", "boolean");
                writer.WriteString(powerShell.SwitchIsPresent(value) ? "true" : "false");
                return;
            }
            if (value is TimeSpan)
            {
                // ISO 8601 (PT1M), the form the wire's durations take, exact to the tick.
                writer.WriteAttributeString("type", "object");
                WriteMember(writer, TypeNameMember, TimeSpanType, depth + 1);
                WriteMember(writer, "Value", XmlConvert.ToString((TimeSpan)value), depth + 1);
                return;
            }
            Type type = value.GetType();
            if (type.FullName == CredentialType)
            {
                writer.WriteAttributeString("type", "object");
                WriteMember(writer, TypeNameMember, CredentialType, depth + 1);
                WriteMember(writer, "UserName", type.GetProperty("UserName").GetValue(value, null), depth + 1);
                WriteMember(writer, "Password", type.GetProperty("Password").GetValue(value, null), depth + 1);
                return;
            }
            IEnumerable items = value as IEnumerable;
            if (items != null)
            {
                writer.WriteAttributeString("type", "array");
                foreach (object item in items)
                {
                    writer.WriteStartElement("item");
                    WriteValue(writer, item, depth + 1);
                    writer.WriteEndElement();
                }
                return;
            }
            // A type JSON cannot carry (DateTime, ScriptBlock, ...): its name alone, so the library
            // refuses it by name instead of sending its culture-formatted text.
            writer.WriteAttributeString("type", "object");
            WriteMember(writer, TypeNameMember, type.FullName, depth + 1);
        }

        private static void WriteSecureString(XmlDictionaryWriter writer, SecureString secure)
        {
            writer.WriteAttributeString("type", "object");
            writer.WriteStartElement("a", "item", "item");
            writer.WriteAttributeString("item", TypeNameMember);
            writer.WriteAttributeString("type", "string");
            writer.WriteString(SecureStringType);
            writer.WriteEndElement();
            writer.WriteStartElement("a", "item", "item");
            writer.WriteAttributeString("item", "Value");
            writer.WriteAttributeString("type", "string");
            IntPtr text = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                writer.WriteString(Marshal.PtrToStringUni(text, secure.Length));
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(text);
            }
            writer.WriteEndElement();
        }

        private static bool IsNumber(object value)
        {
            return value is int || value is long || value is short || value is byte || value is sbyte ||
                value is uint || value is ulong || value is ushort || value is double || value is float || value is decimal;
        }

        private static object ReadValue(XmlDictionaryReader reader, int depth, SharedValues shared)
        {
            string type = reader.GetAttribute("type");
            if (type == null)
            {
                type = "string";
            }
            switch (type)
            {
                case "null":
                    reader.Skip();
                    return null;
                case "boolean":
                    return reader.ReadElementContentAsString() == "true";
                case "number":
                    return ParseNumber(reader.ReadElementContentAsString());
                case "array":
                    return ReadArray(reader, depth, shared);
                case "object":
                    return ReadObject(reader, depth, shared);
                default:
                    return reader.ReadElementContentAsString();
            }
        }

        internal static object ParseNumber(string text)
        {
            long whole;
            if (text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole))
            {
                if (whole >= int.MinValue && whole <= int.MaxValue)
                {
                    return (int)whole;
                }
                return whole;
            }
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private static object ReadArray(XmlDictionaryReader reader, int depth, SharedValues shared)
        {
            List<object> items = new List<object>();
            bool allStrings = true;
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return new object[0];
            }
            reader.ReadStartElement();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                object item = ReadValue(reader, depth + 1, shared);
                allStrings = allStrings && item is string;
                items.Add(item);
            }
            reader.ReadEndElement();
            return FromItems(items, allStrings);
        }

        /// <summary>An array's items as the array the converter gives: string[] when all are strings.</summary>
        internal static object FromItems(List<object> items, bool allStrings)
        {
            if (allStrings && items.Count > 0)
            {
                string[] strings = new string[items.Count];
                for (int i = 0; i < strings.Length; i++)
                {
                    strings[i] = (string)items[i];
                }
                return strings;
            }
            return items.ToArray();
        }

        private static object ReadObject(XmlDictionaryReader reader, int depth, SharedValues shared)
        {
            List<KeyValuePair<string, object>> members = new List<KeyValuePair<string, object>>();
            if (reader.IsEmptyElement)
            {
                reader.Read();
            }
            else
            {
                reader.ReadStartElement();
                while (reader.MoveToContent() == XmlNodeType.Element)
                {
                    // A member whose name is no XML name comes as <a:item item="name">, the others by name.
                    string name = reader.GetAttribute("item");
                    if (name == null || (reader.NamespaceURI != "item" && reader.LocalName != "item"))
                    {
                        name = reader.LocalName;
                    }
                    object value = ReadValue(reader, depth + 1, shared);
                    shared.Note(depth, name, value);
                    members.Add(new KeyValuePair<string, object>(name, value));
                }
                reader.ReadEndElement();
            }
            return FromMembers(members, shared);
        }

        /// <summary>An object's members as the value the converter gives (see the file's header).</summary>
        internal static object FromMembers(List<KeyValuePair<string, object>> members, SharedValues shared)
        {
            object sharedValue;
            if (shared.TryResolve(members, out sharedValue))
            {
                return sharedValue;
            }
            string typeName = null;
            foreach (KeyValuePair<string, object> member in members)
            {
                if (member.Key == TypeNameMember)
                {
                    typeName = member.Value as string;
                }
            }
            if (typeName == SecureStringType)
            {
                return ToSecureString(members);
            }
            if (typeName == CredentialType)
            {
                return ToCredential(members);
            }
            if (typeName == TimeSpanType)
            {
                return ToTimeSpan(members);
            }
            if (typeName != null)
            {
                DeclaredType declared = OutputTypeRegistry.Find(typeName);
                object instance = declared == null ? null : declared.TryCreate(members, TypeNameMember);
                if (instance != null)
                {
                    return PowerShellTypes.Instance.Wrap(instance, typeName);
                }
                return PowerShellTypes.Instance.NewObject(typeName, members);
            }
            Hashtable table = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, object> member in members)
            {
                table[member.Key] = member.Value;
            }
            return table;
        }

        private static object Member(List<KeyValuePair<string, object>> members, string name)
        {
            foreach (KeyValuePair<string, object> member in members)
            {
                if (member.Key == name)
                {
                    return member.Value;
                }
            }
            return null;
        }

        // Without a UserName there are no credentials: PSCredential.Empty, as Az shows them.
        private static object ToCredential(List<KeyValuePair<string, object>> members)
        {
            string userName = Member(members, "UserName") as string;
            if (string.IsNullOrEmpty(userName))
            {
                return PowerShellTypes.Instance.EmptyCredential();
            }
            SecureString password = Member(members, "Password") as SecureString;
            if (password == null)
            {
                password = new SecureString();
                password.MakeReadOnly();
            }
            return PowerShellTypes.Instance.NewCredential(userName, password);
        }

        // The library writes ISO 8601; the "c" format is read too. Text that is neither stays text,
        // so a value the service sent that is no duration is still shown rather than lost.
        private static object ToTimeSpan(List<KeyValuePair<string, object>> members)
        {
            string text = Member(members, "Value") as string;
            if (text == null)
            {
                return null;
            }
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
            }
            TimeSpan parsed;
            if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out parsed))
            {
                return parsed;
            }
            return text;
        }

        private static SecureString ToSecureString(List<KeyValuePair<string, object>> members)
        {
            SecureString secure = new SecureString();
            foreach (KeyValuePair<string, object> member in members)
            {
                string text = member.Value as string;
                if (member.Key == "Value" && text != null)
                {
                    foreach (char c in text)
                    {
                        secure.AppendChar(c);
                    }
                }
            }
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>The values an answer writes once for several objects (its top-level "shared"
    /// array, written before "output"), while that answer is read: an object {"PSShared": n} is
    /// shared[n], the same instance wherever it is referred to.</summary>
    internal sealed class SharedValues
    {
        private const string Member = "shared";
        private const string Reference = "PSShared";
        private object[] values;

        /// <summary>Keeps the answer's shared values once its top-level member has been read.</summary>
        internal void Note(int depth, string name, object value)
        {
            if (depth == 0 && name == Member)
            {
                values = value as object[];
            }
        }

        internal bool TryResolve(List<KeyValuePair<string, object>> members, out object value)
        {
            value = null;
            if (values == null || members.Count != 1 || members[0].Key != Reference || !(members[0].Value is int))
            {
                return false;
            }
            int index = (int)members[0].Value;
            if (index < 0 || index >= values.Length)
            {
                return false;
            }
            value = values[index];
            return true;
        }
    }

    /// <summary>System.Management.Automation's PSObject, bound once at run time from the assembly
    /// the host has loaded: compiled delegates make each use as fast as a direct call. In a host
    /// without PowerShell (the Mono interop harness) values stay plain .NET: nothing is wrapped,
    /// an object of an undeclared type is a hashtable, and a PSCredential cannot be read.</summary>
    internal sealed class PowerShellTypes
    {
        // Bound on first use, as NewtonsoftReader is: a bind that throws is tried again by the next
        // use, and reading the bound value takes no lock (every output object asks for it).
        private static readonly Lazy<PowerShellTypes> Bound = new Lazy<PowerShellTypes>(Bind, System.Threading.LazyThreadSafetyMode.PublicationOnly);

        private readonly Type psObjectType;
        private readonly Type customObjectType;
        private readonly Type switchType;
        private readonly Type credentialType;
        private readonly Func<object> newObject;
        private readonly Func<object, object> wrapInPsObject;
        private readonly Action<object, string, object> addNote;
        private readonly Func<object, Collection<string>> typeNames;
        private readonly Func<object, object> baseObject;
        private readonly Func<object, IEnumerable> properties;
        private readonly Func<object, string> propertyName;
        private readonly Func<object, object> propertyValue;
        private readonly Func<object, bool> switchIsPresent;
        private readonly Func<object, bool> cmdletStopping;

        internal static PowerShellTypes Instance
        {
            get { return Bound.Value; }
        }

        private static PowerShellTypes Bind()
        {
            return new PowerShellTypes(FindAutomationAssembly());
        }

        private PowerShellTypes(Assembly automation)
        {
            if (automation == null)
            {
                return;
            }
            psObjectType = automation.GetType("System.Management.Automation.PSObject", true);
            customObjectType = automation.GetType("System.Management.Automation.PSCustomObject", true);
            switchType = automation.GetType("System.Management.Automation.SwitchParameter", true);
            credentialType = automation.GetType("System.Management.Automation.PSCredential", true);
            Type noteType = automation.GetType("System.Management.Automation.PSNoteProperty", true);
            Type propertyInfoType = automation.GetType("System.Management.Automation.PSPropertyInfo", true);

            newObject = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(psObjectType), typeof(object))).Compile();
            ParameterExpression wrapped = Expression.Parameter(typeof(object), "wrapped");
            wrapInPsObject = Expression.Lambda<Func<object, object>>(
                Expression.Convert(Expression.Call(psObjectType.GetMethod("AsPSObject", new[] { typeof(object) }), wrapped), typeof(object)),
                wrapped).Compile();

            ParameterExpression target = Expression.Parameter(typeof(object), "target");
            ParameterExpression name = Expression.Parameter(typeof(string), "name");
            ParameterExpression value = Expression.Parameter(typeof(object), "value");
            Expression asPsObject = Expression.Convert(target, psObjectType);
            PropertyInfo propertiesProperty = psObjectType.GetProperty("Properties");
            MethodInfo add = propertiesProperty.PropertyType.GetMethod("Add", new[] { propertyInfoType });
            ConstructorInfo newNote = noteType.GetConstructor(new[] { typeof(string), typeof(object) });
            addNote = Expression.Lambda<Action<object, string, object>>(
                Expression.Call(Expression.Property(asPsObject, propertiesProperty), add,
                    Expression.Convert(Expression.New(newNote, name, value), propertyInfoType)),
                target, name, value).Compile();
            typeNames = Expression.Lambda<Func<object, Collection<string>>>(
                Expression.Convert(Expression.Property(asPsObject, "TypeNames"), typeof(Collection<string>)), target).Compile();
            baseObject = Expression.Lambda<Func<object, object>>(
                Expression.Convert(Expression.Property(asPsObject, "BaseObject"), typeof(object)), target).Compile();
            properties = Expression.Lambda<Func<object, IEnumerable>>(
                Expression.Convert(Expression.Property(asPsObject, propertiesProperty), typeof(IEnumerable)), target).Compile();
            Expression asProperty = Expression.Convert(target, propertyInfoType);
            propertyName = Expression.Lambda<Func<object, string>>(Expression.Property(asProperty, "Name"), target).Compile();
            propertyValue = Expression.Lambda<Func<object, object>>(
                Expression.Convert(Expression.Property(asProperty, "Value"), typeof(object)), target).Compile();
            switchIsPresent = Expression.Lambda<Func<object, bool>>(
                Expression.Property(Expression.Convert(target, switchType), "IsPresent"), target).Compile();
            Type cmdletType = automation.GetType("System.Management.Automation.Cmdlet", true);
            cmdletStopping = Expression.Lambda<Func<object, bool>>(
                Expression.Property(Expression.Convert(target, cmdletType), "Stopping"), target).Compile();
        }

        /// <summary>The host's System.Management.Automation, or null outside PowerShell.</summary>
        internal static Assembly FindAutomationAssembly()
        {
            foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (assembly.GetName().Name == "System.Management.Automation")
                {
                    return assembly;
                }
            }
            return null;
        }

        private void RequirePowerShell(string what)
        {
            if (psObjectType == null)
            {
                throw new InvalidOperationException(what + " needs PowerShell: System.Management.Automation is not loaded.");
            }
        }

        /// <summary>Whether the cmdlet's pipeline is stopping (Cmdlet.Stopping), asked from any thread.</summary>
        internal Func<bool> Stopping(object cmdlet)
        {
            RequirePowerShell("Watching a cmdlet");
            Func<object, bool> stopping = cmdletStopping;
            return delegate() { return stopping(cmdlet); };
        }

        /// <summary>A new PSCustomObject with typeName first in its TypeNames and the other members as properties.</summary>
        internal object NewObject(string typeName, List<KeyValuePair<string, object>> members)
        {
            if (psObjectType == null)
            {
                Hashtable plain = new Hashtable(StringComparer.OrdinalIgnoreCase);
                foreach (KeyValuePair<string, object> member in members)
                {
                    plain[member.Key] = member.Value;
                }
                return plain;
            }
            object created = newObject();
            foreach (KeyValuePair<string, object> member in members)
            {
                if (member.Key != ObjectJson.TypeNameMember)
                {
                    addNote(created, member.Key, member.Value);
                }
            }
            typeNames(created).Insert(0, typeName);
            return created;
        }

        /// <summary>A declared output object in a PSObject whose TypeNames start with typeName.</summary>
        internal object Wrap(object instance, string typeName)
        {
            if (psObjectType == null)
            {
                return instance;
            }
            object wrapper = wrapInPsObject(instance);
            typeNames(wrapper).Insert(0, typeName);
            return wrapper;
        }

        /// <summary>The value a PSObject wraps (PowerShell wraps strings, arrays and more in one);
        /// a PSCustomObject stays wrapped, its properties are the data.</summary>
        internal object Unwrap(object value)
        {
            if (psObjectType == null)
            {
                return value;
            }
            while (value != null && psObjectType.IsInstanceOfType(value))
            {
                object inner = baseObject(value);
                if (inner == null || customObjectType.IsInstanceOfType(inner) || ReferenceEquals(inner, value))
                {
                    return value;
                }
                value = inner;
            }
            return value;
        }

        /// <summary>The properties of a PSCustomObject (ours, a deserialized copy, [pscustomobject]@{}), else null.</summary>
        internal IList<KeyValuePair<string, object>> CustomObjectMembers(object value)
        {
            if (psObjectType == null || !psObjectType.IsInstanceOfType(value) || !customObjectType.IsInstanceOfType(baseObject(value)))
            {
                return null;
            }
            List<KeyValuePair<string, object>> members = new List<KeyValuePair<string, object>>();
            foreach (object property in properties(value))
            {
                members.Add(new KeyValuePair<string, object>(propertyName(property), propertyValue(property)));
            }
            return members;
        }

        /// <summary>PSCredential.Empty itself, so that `-eq [pscredential]::Empty` holds as for Az's objects.</summary>
        internal object EmptyCredential()
        {
            RequirePowerShell("A PSCredential");
            return credentialType.GetProperty("Empty", BindingFlags.Public | BindingFlags.Static).GetValue(null, null);
        }

        internal object NewCredential(string userName, SecureString password)
        {
            RequirePowerShell("A PSCredential");
            return credentialType.GetConstructor(new[] { typeof(string), typeof(SecureString) }).Invoke(new object[] { userName, password });
        }

        internal string FirstTypeName(object value)
        {
            Collection<string> names = typeNames(value);
            return names.Count > 0 ? names[0] : null;
        }

        internal bool IsSwitch(object value)
        {
            return switchType != null && switchType.IsInstanceOfType(value);
        }

        internal bool SwitchIsPresent(object value)
        {
            return switchIsPresent(value);
        }
    }
}
