using System.Reflection;
using System.Reflection.Emit;

namespace CoffeeShop.Tests.Unit.Architecture;

/// <summary>
/// Finds every type a type uses: in its signatures (base type, interfaces, fields, properties, methods,
/// attributes, locals) and in its method bodies (the IL's type, method and field tokens), including the
/// compiler-generated types nested in it (lambdas, async state machines).
/// </summary>
internal static class TypeReferenceScanner
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var found = new HashSet<Type>();
        Collect(type, found);
        return found;
    }

    private static void Collect(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var iface in type.GetInterfaces())
        {
            Add(iface, found);
        }

        AddAttributes(type.GetCustomAttributesData(), found);

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType, found);
            AddAttributes(field.GetCustomAttributesData(), found);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType, found);
            AddAttributes(property.GetCustomAttributesData(), found);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, found);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, found);
                AddAttributes(parameter.GetCustomAttributesData(), found);
            }

            AddAttributes(method.GetCustomAttributesData(), found);
            ScanBody(method, found);
        }

        foreach (var nested in type.GetNestedTypes(Everything))
        {
            Collect(nested, found);
        }
    }

    private static void ScanBody(MethodBase method, HashSet<Type> found)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = (short)il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    AddMember(method.Module.ResolveMember(token, typeArguments, methodArguments), found);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (BitConverter.ToInt32(il, position) * 4);
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operandType) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void AddMember(MemberInfo? member, HashSet<Type> found)
    {
        switch (member)
        {
            case Type type:
                Add(type, found);
                break;
            case FieldInfo field:
                Add(field.DeclaringType, found);
                Add(field.FieldType, found);
                break;
            case MethodBase method:
                Add(method.DeclaringType, found);
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType, found);
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        Add(argument, found);
                    }
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType, found);
                }

                break;
        }
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> found)
    {
        foreach (var attribute in attributes)
        {
            Add(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                Add(argument.ArgumentType, found);
                if (argument.Value is Type typeArgument)
                {
                    Add(typeArgument, found);
                }
            }
        }
    }

    /// <summary>Adds the type and what it is made of: element types and generic arguments.</summary>
    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(type.GetElementType(), found);
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, found);
            }
        }
    }
}
