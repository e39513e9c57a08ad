// Finds the declared output type (OutputTypes.cs) of a PowerShell type name, and builds or reads
// its objects through compiled delegates (C# 5, .NET Standard 2.0).

using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;

namespace ApimNative
{
    /// <summary>The declared output types of this assembly, by PowerShell type name and by .NET type.</summary>
    internal static class OutputTypeRegistry
    {
        private static readonly object BuildLock = new object();
        private static Dictionary<string, DeclaredType> byName;
        private static Dictionary<Type, DeclaredType> byType;

        /// <summary>The declared type standing for a PowerShell type name, or null.</summary>
        internal static DeclaredType Find(string typeName)
        {
            DeclaredType found;
            return typeName != null && Names().TryGetValue(typeName, out found) ? found : null;
        }

        /// <summary>The declared type of an instance's .NET type, or null for any other type.</summary>
        internal static DeclaredType Of(Type type)
        {
            Names();
            DeclaredType found;
            return byType.TryGetValue(type, out found) ? found : null;
        }

        private static Dictionary<string, DeclaredType> Names()
        {
            lock (BuildLock)
            {
                if (byName == null)
                {
                    Dictionary<string, DeclaredType> names = new Dictionary<string, DeclaredType>(StringComparer.Ordinal);
                    Dictionary<Type, DeclaredType> types = new Dictionary<Type, DeclaredType>();
                    foreach (Type type in typeof(OutputTypeRegistry).Assembly.GetTypes())
                    {
                        object[] attributes = type.GetCustomAttributes(typeof(Models.PowerShellTypeNameAttribute), false);
                        if (attributes.Length == 1)
                        {
                            DeclaredType declared = new DeclaredType(((Models.PowerShellTypeNameAttribute)attributes[0]).Name, type);
                            names[declared.TypeName] = declared;
                            types[type] = declared;
                        }
                    }
                    byType = types;
                    byName = names;
                }
                return byName;
            }
        }
    }

    /// <summary>One declared output type: how to make one and set or read its properties.</summary>
    internal sealed class DeclaredType
    {
        internal readonly string TypeName;
        internal readonly Type Type;
        internal readonly DeclaredProperty[] Properties;
        private readonly Func<object> create;
        private readonly Dictionary<string, DeclaredProperty> byName = new Dictionary<string, DeclaredProperty>(StringComparer.Ordinal);

        internal DeclaredType(string typeName, Type type)
        {
            TypeName = typeName;
            Type = type;
            create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(type), typeof(object))).Compile();
            List<DeclaredProperty> properties = new List<DeclaredProperty>();
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                DeclaredProperty declared = new DeclaredProperty(property);
                properties.Add(declared);
                byName[declared.Name] = declared;
            }
            Properties = properties.ToArray();
        }

        /// <summary>An instance with the members' values, or null when a member has no property of its
        /// name or a value its property cannot hold (the caller then makes a PSCustomObject).</summary>
        internal object TryCreate(List<KeyValuePair<string, object>> members, string skippedMember)
        {
            object instance = create();
            foreach (KeyValuePair<string, object> member in members)
            {
                if (member.Key == skippedMember)
                {
                    continue;
                }
                DeclaredProperty property;
                if (!byName.TryGetValue(member.Key, out property))
                {
                    return null;
                }
                if (member.Value == null)
                {
                    continue;
                }
                if (!property.PropertyType.IsInstanceOfType(member.Value))
                {
                    return null;
                }
                property.Set(instance, member.Value);
            }
            return instance;
        }
    }

    /// <summary>One property of a declared output type, with compiled getter and setter.</summary>
    internal sealed class DeclaredProperty
    {
        internal readonly string Name;
        internal readonly Type PropertyType;
        internal readonly Action<object, object> Set;
        internal readonly Func<object, object> Get;

        internal DeclaredProperty(PropertyInfo property)
        {
            Name = property.Name;
            PropertyType = property.PropertyType;
            ParameterExpression target = Expression.Parameter(typeof(object), "target");
            ParameterExpression value = Expression.Parameter(typeof(object), "value");
            Expression typedTarget = Expression.Convert(target, property.DeclaringType);
            Set = Expression.Lambda<Action<object, object>>(
                Expression.Assign(Expression.Property(typedTarget, property), Expression.Convert(value, property.PropertyType)),
                target, value).Compile();
            Get = Expression.Lambda<Func<object, object>>(
                Expression.Convert(Expression.Property(typedTarget, property), typeof(object)), target).Compile();
        }
    }
}
