// Reads the library's answers with Newtonsoft.Json's JsonTextReader where the host has it
// (PowerShell 7 ships it: its ConvertFrom-Json reads with it), bound at run time through compiled
// delegates, as this assembly references only netstandard.dll (C# 5, .NET Standard 2.0).
//
// Why: the framework's reader (JsonReaderWriterFactory, the only JSON reader in .NET Standard
// 2.0) presents JSON as XML elements and attributes, and reading a list's 909 KB answer with it
// cost about 30 us per backend. Windows PowerShell 5.1 and Mono have no Newtonsoft.Json; there
// ObjectJson keeps reading with the framework's reader, into the same values.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace ApimNative
{
    internal sealed class NewtonsoftReader
    {
        // Newtonsoft.Json.JsonToken values (stable since its first releases).
        private const int StartObject = 1;
        private const int StartArray = 2;
        private const int PropertyName = 4;
        private const int Comment = 5;
        private const int Integer = 7;
        private const int Float = 8;
        private const int String = 9;
        private const int Boolean = 10;
        private const int Null = 11;
        private const int Undefined = 12;
        private const int EndObject = 13;
        private const int EndArray = 14;

        // An answer this long (a list) gets a name table; a single object's answer repeats few
        // names, and there the table's own entries cost more than the strings it saves.
        private const int NameTableFrom = 64 * 1024;

        // Bound on first use; a bind that throws is tried again by the next use (PublicationOnly),
        // and once bound, reading the value takes no lock (every answer's read asks for it).
        private static readonly Lazy<NewtonsoftReader> Bound = new Lazy<NewtonsoftReader>(Bind, System.Threading.LazyThreadSafetyMode.PublicationOnly);

        private readonly Func<TextReader, object> create;
        // new DefaultJsonNameTable(), set as the reader's PropertyNameTable: null where this
        // Newtonsoft.Json has none (before 12.0.1), and names are then read as before.
        private readonly Action<object> shareNames;
        private readonly Func<object, bool> read;
        private readonly Func<object, int> tokenType;
        private readonly Func<object, object> value;

        /// <summary>The reader, or null when the host cannot load Newtonsoft.Json.</summary>
        internal static NewtonsoftReader Instance
        {
            get { return Bound.Value; }
        }

        private static NewtonsoftReader Bind()
        {
            Assembly assembly = Loaded("Newtonsoft.Json");
            if (assembly == null)
            {
                try
                {
                    // PowerShell 7 lists it among its own assemblies, so loading by name finds it.
                    assembly = Assembly.Load(new AssemblyName("Newtonsoft.Json"));
                }
                catch (Exception)
                {
                    return null;
                }
            }
            Type readerType = assembly.GetType("Newtonsoft.Json.JsonTextReader", false);
            Type dateParseHandling = assembly.GetType("Newtonsoft.Json.DateParseHandling", false);
            if (readerType == null || dateParseHandling == null)
            {
                return null;
            }
            return new NewtonsoftReader(readerType, dateParseHandling, assembly.GetType("Newtonsoft.Json.DefaultJsonNameTable", false));
        }

        private static Assembly Loaded(string name)
        {
            foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (assembly.GetName().Name == name)
                {
                    return assembly;
                }
            }
            return null;
        }

        private NewtonsoftReader(Type readerType, Type dateParseHandling, Type nameTableType)
        {
            // new JsonTextReader(text) { DateParseHandling = None }: text that looks like a date stays text.
            ParameterExpression text = Expression.Parameter(typeof(TextReader), "text");
            ParameterExpression made = Expression.Variable(readerType, "made");
            create = Expression.Lambda<Func<TextReader, object>>(
                Expression.Block(
                    new[] { made },
                    Expression.Assign(made, Expression.New(readerType.GetConstructor(new[] { typeof(TextReader) }), text)),
                    Expression.Assign(Expression.Property(made, "DateParseHandling"), Expression.Convert(Expression.Constant(0), dateParseHandling)),
                    Expression.Convert(made, typeof(object))),
                text).Compile();
            ParameterExpression target = Expression.Parameter(typeof(object), "target");
            Expression typed = Expression.Convert(target, readerType);
            read = Expression.Lambda<Func<object, bool>>(Expression.Call(typed, readerType.GetMethod("Read", Type.EmptyTypes)), target).Compile();
            tokenType = Expression.Lambda<Func<object, int>>(Expression.Convert(Expression.Property(typed, "TokenType"), typeof(int)), target).Compile();
            value = Expression.Lambda<Func<object, object>>(Expression.Property(typed, "Value"), target).Compile();
            // Why a name table: a list's answer repeats the same twenty member names for each of its
            // objects; with one, the reader hands out one string per distinct name instead of a new
            // string per member.
            PropertyInfo nameTable = readerType.GetProperty("PropertyNameTable");
            if (nameTableType != null && nameTable != null && nameTableType.GetConstructor(Type.EmptyTypes) != null && nameTable.PropertyType.IsAssignableFrom(nameTableType))
            {
                shareNames = Expression.Lambda<Action<object>>(
                    Expression.Assign(Expression.Property(typed, nameTable), Expression.New(nameTableType)), target).Compile();
            }
        }

        /// <summary>The value of a JSON document, as ObjectJson.Read gives it.</summary>
        internal object Read(byte[] json)
        {
            using (StreamReader text = new StreamReader(new MemoryStream(json), new UTF8Encoding(false)))
            {
                object reader = create(text);
                if (shareNames != null && json.Length >= NameTableFrom)
                {
                    shareNames(reader);
                }
                Next(reader);
                return ReadValue(reader, 0, new SharedValues(), new ScratchLists());
            }
        }

        private void Next(object reader)
        {
            do
            {
                if (!read(reader))
                {
                    throw new FormatException("The JSON answer ends too early.");
                }
            }
            while (tokenType(reader) == Comment);
        }

        // The reader stands on the value's first token; it is left on the value's last token.
        private object ReadValue(object reader, int depth, SharedValues shared, ScratchLists scratch)
        {
            int token = tokenType(reader);
            switch (token)
            {
                case StartObject:
                    List<KeyValuePair<string, object>> members = scratch.Members(depth);
                    Next(reader);
                    while (tokenType(reader) == PropertyName)
                    {
                        string name = (string)value(reader);
                        Next(reader);
                        object member = ReadValue(reader, depth + 1, shared, scratch);
                        shared.Note(depth, name, member);
                        members.Add(new KeyValuePair<string, object>(name, member));
                        Next(reader);
                    }
                    return ObjectJson.FromMembers(members, shared);
                case StartArray:
                    List<object> items = scratch.Items(depth);
                    bool allStrings = true;
                    Next(reader);
                    while (tokenType(reader) != EndArray)
                    {
                        object item = ReadValue(reader, depth + 1, shared, scratch);
                        allStrings = allStrings && item is string;
                        items.Add(item);
                        Next(reader);
                    }
                    return ObjectJson.FromItems(items, allStrings);
                case Integer:
                    return Whole(value(reader));
                case Float:
                    return Convert.ToDouble(value(reader), System.Globalization.CultureInfo.InvariantCulture);
                case String:
                case Boolean:
                    return value(reader);
                case Null:
                case Undefined:
                    return null;
                default:
                    throw new FormatException("Unexpected JSON token " + token + " in the answer.");
            }
        }

        // As the framework path: an int when it fits, else a long, else (beyond 64 bits) a double.
        private static object Whole(object number)
        {
            if (number is long)
            {
                long whole = (long)number;
                if (whole >= int.MinValue && whole <= int.MaxValue)
                {
                    return (int)whole;
                }
                return whole;
            }
            // A BigInteger (beyond 64 bits): its digits, as a double.
            return double.Parse(Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The lists one read collects an object's members and an array's items in, one of
    /// each per nesting depth, emptied and used again for the next object or array at that depth.
    /// Why: a list's answer has thousands of objects, and a new list for each (grown 4, 8, 16, 32)
    /// was about a quarter of what reading it allocated. Safe because ObjectJson.FromMembers and
    /// FromItems copy what they keep before the list is used again: the value at one depth is
    /// finished before its parent, one depth up, reads its next member.</summary>
    internal sealed class ScratchLists
    {
        private readonly List<List<KeyValuePair<string, object>>> members = new List<List<KeyValuePair<string, object>>>();
        private readonly List<List<object>> items = new List<List<object>>();

        internal List<KeyValuePair<string, object>> Members(int depth)
        {
            return Take(members, depth);
        }

        internal List<object> Items(int depth)
        {
            return Take(items, depth);
        }

        private static List<T> Take<T>(List<List<T>> byDepth, int depth)
        {
            while (byDepth.Count <= depth)
            {
                byDepth.Add(new List<T>());
            }
            List<T> list = byDepth[depth];
            list.Clear();
            return list;
        }
    }
}
