using System.CommandLine.Parsing;
using System.Globalization;

namespace HerokuToCloud.Cli;

/// <summary>
/// The words of a command-line parse error. System.CommandLine reports a value that does not convert
/// as "Cannot parse argument 'abc' for option '--jobs' as expected type 'System.Int32'": a .NET type
/// name the user cannot act on. Every such error is reworded here from the option's value type
/// ("--jobs takes a whole number, not 'abc'"), so a new typed option needs nothing of its own; other
/// parse errors (unknown option, missing value) already read well and pass through.
/// </summary>
internal static class ParseErrorMessage
{
    public static string For(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Typed(error.SymbolResult) is not var (name, valueType, tokens))
            return error.Message;
        var type = ElementType(valueType);
        // A conversion error is the one that names the type; validators' own errors (ranges) name none.
        if (type == typeof(string) || type.FullName is not { } typeName || !error.Message.Contains(typeName, StringComparison.Ordinal))
            return error.Message;
        var given = tokens.Select(t => t.Value).ToList();
        return NotConvertible(name, type, given.FirstOrDefault(value => !Converts(value, type)) ?? string.Join(' ', given));
    }

    /// <summary>The words for <paramref name="given"/> not being a <paramref name="type"/> value; options that parse their own word use it too.</summary>
    public static string NotConvertible(string name, Type type, string given) => $"{name} takes {Expected(type)}, not '{given}'.";

    /// <summary>The option (or command argument) a parse error is about, with its value type and the words given for it.</summary>
    private static (string Name, Type ValueType, IReadOnlyList<Token> Tokens)? Typed(SymbolResult? symbol) => symbol switch
    {
        OptionResult option => (option.Option.Name, option.Option.ValueType, option.Tokens),
        ArgumentResult { Parent: OptionResult option } => (option.Option.Name, option.Option.ValueType, option.Tokens),
        ArgumentResult argument => (argument.Argument.Name, argument.Argument.ValueType, argument.Tokens),
        _ => null,
    };

    /// <summary>int? and int[] are read one int at a time, so they are described as int.</summary>
    private static Type ElementType(Type type)
    {
        if (type.IsArray)
            type = type.GetElementType()!;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
        TypeCode.Boolean => "true or false",
        _ => "a value of another form (see --help)",
    };

    private static bool Converts(string value, Type type) => Type.GetTypeCode(type) switch
    {
        _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out _),
        TypeCode.Boolean => bool.TryParse(value, out _),
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
            => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        _ => false,
    };
}
