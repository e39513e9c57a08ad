// Deserialized objects for [PSTypeName()] parameters: a copy of a module object that comes back
// from Import-Clixml, Start-Job | Receive-Job or a remote session is a property bag named
// "Deserialized.<type>", and PowerShell's [PSTypeName('<type>')] check refuses it before the
// cmdlet runs. What the cmdlets do with such a bag already works (ObjectJson writes its type name
// and the library reads "Deserialized." names as the live ones), so only the check is in the way.
//
// [ApimNative.AcceptDeserialized()], put before [PSTypeName()], gives a deserialized object its
// live type names back before PowerShell checks them. The attribute must derive from PowerShell's
// ArgumentTransformationAttribute, and this assembly references only netstandard.dll (one build
// for Windows PowerShell 5.1 and every PowerShell 7, see ObjectJson.cs), which has no
// Reflection.Emit either: so DefineAttribute below emits the attribute class at import (called by
// ModuleImport), deriving from the running PowerShell's ArgumentTransformationAttribute, through
// the runtime's own Reflection.Emit found by name; its Transform calls Accept below. Emitted here
// rather than by the psm1: a dozen .NET calls from script cost PowerShell a call site each.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace ApimNative
{
    /// <summary>Lets [PSTypeName()] parameters take deserialized copies of the module's objects.</summary>
    public static class DeserializedBinding
    {
        private const string DeserializedPrefix = "Deserialized.";
        private const string AttributeName = "ApimNative.AcceptDeserializedAttribute";
        private static readonly object DefineLock = new object();
        private static Type attribute;

        /// <summary>
        /// Defines ApimNative.AcceptDeserializedAttribute once per process (an emitted type cannot be
        /// unloaded, so an Import-Module -Force reuses it): sealed, public, deriving from
        /// ArgumentTransformationAttribute, with a default constructor and
        /// <c>object Transform(EngineIntrinsics engineIntrinsics, object inputData)</c> returning
        /// <c>DeserializedBinding.Accept(inputData)</c>.
        /// </summary>
        public static Type DefineAttribute()
        {
            lock (DefineLock)
            {
                if (attribute == null)
                {
                    attribute = Emit();
                }
                return attribute;
            }
        }

        // What the psm1 used to write in script: the same calls, made by reflection because the
        // reference assembly lacks AssemblyBuilder, TypeBuilder and ILGenerator (the runtime has them,
        // in the assembly that defines object, on .NET Framework and .NET alike).
        private static Type Emit()
        {
            Assembly automation = PowerShellTypes.FindAutomationAssembly();
            Type transformation = automation.GetType("System.Management.Automation.ArgumentTransformationAttribute", true);
            Type intrinsics = automation.GetType("System.Management.Automation.EngineIntrinsics", true);
            Assembly runtime = typeof(object).Assembly;
            Type assemblyBuilderType = runtime.GetType("System.Reflection.Emit.AssemblyBuilder", true);
            Type accessType = runtime.GetType("System.Reflection.Emit.AssemblyBuilderAccess", true);
            Type typeBuilderType = runtime.GetType("System.Reflection.Emit.TypeBuilder", true);
            Type methodBuilderType = runtime.GetType("System.Reflection.Emit.MethodBuilder", true);
            Type ilGeneratorType = runtime.GetType("System.Reflection.Emit.ILGenerator", true);

            object assemblyBuilder = assemblyBuilderType.GetMethod("DefineDynamicAssembly", new[] { typeof(AssemblyName), accessType })
                .Invoke(null, new[] { new AssemblyName("ApimNative.Binding"), Enum.ToObject(accessType, 1) });
            object moduleBuilder = assemblyBuilderType.GetMethod("DefineDynamicModule", new[] { typeof(string) })
                .Invoke(assemblyBuilder, new object[] { "ApimNative.Binding" });
            object typeBuilder = moduleBuilder.GetType().GetMethod("DefineType", new[] { typeof(string), typeof(TypeAttributes), typeof(Type) })
                .Invoke(moduleBuilder, new object[] { AttributeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, transformation });
            typeBuilderType.GetMethod("DefineDefaultConstructor", new[] { typeof(MethodAttributes) })
                .Invoke(typeBuilder, new object[] { MethodAttributes.Public });
            object transformBuilder = typeBuilderType.GetMethod("DefineMethod", new[] { typeof(string), typeof(MethodAttributes), typeof(Type), typeof(Type[]) })
                .Invoke(typeBuilder, new object[] { "Transform", MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig, typeof(object), new[] { intrinsics, typeof(object) } });
            object il = methodBuilderType.GetMethod("GetILGenerator", Type.EmptyTypes).Invoke(transformBuilder, null);
            MethodInfo emit = ilGeneratorType.GetMethod("Emit", new[] { typeof(OpCode) });
            MethodInfo emitCall = ilGeneratorType.GetMethod("Emit", new[] { typeof(OpCode), typeof(MethodInfo) });
            emit.Invoke(il, new object[] { OpCodes.Ldarg_2 });
            emitCall.Invoke(il, new object[] { OpCodes.Call, typeof(DeserializedBinding).GetMethod("Accept") });
            emit.Invoke(il, new object[] { OpCodes.Ret });
            typeBuilderType.GetMethod("DefineMethodOverride", new[] { typeof(MethodInfo), typeof(MethodInfo) })
                .Invoke(typeBuilder, new[] { transformBuilder, transformation.GetMethod("Transform") });
            return (Type)typeBuilderType.GetMethod("CreateType", Type.EmptyTypes).Invoke(typeBuilder, null);
        }

        /// <summary>
        /// The value with the live type name added ahead of each "Deserialized." one it lacks (the
        /// items of an array too). The object is changed in place: a PSObject copy cannot always be
        /// made of a deserialized bag, and the added names only make it the object it was made as.
        /// Anything else is handed on unchanged, for PowerShell's own check to judge.
        /// </summary>
        public static object Accept(object inputData)
        {
            // An array argument may come wrapped in a PSObject: its items are what is checked.
            IList items = (BaseObject(inputData) ?? inputData) as IList;
            if (items != null)
            {
                object[] live = new object[items.Count];
                bool changed = false;
                for (int i = 0; i < live.Length; i++)
                {
                    live[i] = Live(items[i]);
                    changed = changed || !ReferenceEquals(live[i], items[i]);
                }
                return changed ? live : inputData;
            }
            return Live(inputData);
        }

        // The live object for one item: its type names back and, when it is a property bag of one
        // of the declared output types (OutputTypes.cs), an instance of that type wrapped as the
        // library's objects are, so that a parameter typed as the declared class binds it as it
        // is (pipeline binding tries without conversion first) and [PSTypeName()] still sees the
        // Az name. A bag that does not fit its class is handed on for PowerShell to judge.
        private static object Live(object item)
        {
            AddLiveTypeNames(item);
            if (item == null)
            {
                return null;
            }
            PowerShellTypes powerShell = PowerShellTypes.Instance;
            IList<KeyValuePair<string, object>> members = powerShell.CustomObjectMembers(item);
            if (members == null)
            {
                return item;
            }
            string typeName = powerShell.FirstTypeName(item);
            DeclaredType declared = OutputTypeRegistry.Find(typeName);
            object instance = declared == null ? null : declared.TryCreate(new List<KeyValuePair<string, object>>(members), null);
            return instance == null ? item : powerShell.Wrap(instance, typeName);
        }

        private static object BaseObject(object value)
        {
            if (value == null)
            {
                return null;
            }
            PropertyInfo baseObject = value.GetType().GetProperty("BaseObject", BindingFlags.Public | BindingFlags.Instance);
            return baseObject == null ? null : baseObject.GetValue(value, null);
        }

        private static void AddLiveTypeNames(object value)
        {
            if (value == null)
            {
                return;
            }
            // PSObject.TypeNames, read by reflection (this assembly does not reference PowerShell).
            PropertyInfo typeNamesProperty = value.GetType().GetProperty("TypeNames", BindingFlags.Public | BindingFlags.Instance);
            if (typeNamesProperty == null)
            {
                return;
            }
            IList<string> typeNames = typeNamesProperty.GetValue(value, null) as IList<string>;
            if (typeNames == null)
            {
                return;
            }
            List<string> live = new List<string>();
            foreach (string name in typeNames)
            {
                if (name.StartsWith(DeserializedPrefix, StringComparison.Ordinal))
                {
                    string liveName = name.Substring(DeserializedPrefix.Length);
                    if (!typeNames.Contains(liveName) && !live.Contains(liveName))
                    {
                        live.Add(liveName);
                    }
                }
            }
            for (int i = live.Count - 1; i >= 0; i--)
            {
                typeNames.Insert(0, live[i]);
            }
        }
    }
}
