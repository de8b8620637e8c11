namespace Encore.Core.Errors;

/// <summary>
/// The one map from .NET type names, as binders, parsers and serializers print them ("System.Int32", "Int32", "int",
/// "Nullable&lt;int&gt;", "System.Nullable`1[System.Int64]", "string[]", "List"), to the words a user reads for the
/// value expected ("an integer", "a whole number (up to 2147483647)", "true or false"). Each reader of a message gets
/// its own phrasing (<see cref="ValueAudience"/>); the facts (which types are integers, their ranges) are written once.
/// Used by the service's problem details (query and JSON), its configuration binding and the command-line parser.
/// </summary>
public static class ValueKindWords
{
    /// <summary>What a value of <paramref name="typeName"/> looks like, in words for <paramref name="audience"/>.</summary>
    /// <param name="typeName">A .NET type name in any of the spellings above; unknown names get the audience's general words.</param>
    /// <param name="audience">Who reads the message.</param>
    /// <returns>An indefinite noun phrase such as "an integer" or "true or false".</returns>
    public static string Expected(string typeName, ValueAudience audience)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var type = Canonical(typeName);
        return (Kind(type), audience) switch
        {
            (ValueKind.Integer, ValueAudience.Json or ValueAudience.Query) => "an integer",
            (ValueKind.Integer, ValueAudience.Configuration) when type == "Int32" => "a whole number between -2147483648 and 2147483647",
            (ValueKind.Integer, ValueAudience.CommandLine) when type == "Int32" => "a whole number (up to 2147483647)",
            (ValueKind.Integer, ValueAudience.CommandLine) when type == "UInt64" => "a whole number from 0 to 18446744073709551615",
            (ValueKind.Integer, ValueAudience.CommandLine) when type == "UInt32" => "a whole number from 0 to 4294967295",
            (ValueKind.Integer, _) => "a whole number",
            (ValueKind.Number, ValueAudience.CommandLine) => "a number such as 0.5",
            (ValueKind.Number, _) => "a number",
            (ValueKind.Boolean, _) => "true or false",
            (ValueKind.String, _) => "a string",
            (ValueKind.Duration, ValueAudience.Configuration) => "a duration (hh:mm:ss)",
            (ValueKind.Duration, ValueAudience.CommandLine) => "a duration such as 00:10:00",
            (ValueKind.List, ValueAudience.Query) => "a list of values",
            (ValueKind.List, ValueAudience.Json) => "an array",
            (ValueKind.Map, ValueAudience.Json) => "an object",
            (_, ValueAudience.Json) => "the expected JSON shape",
            (_, ValueAudience.Query) => "a value of the documented form",
            (_, ValueAudience.Configuration) => "a value of the expected kind (see encore.sample.toml)",
            _ => "a value of another form",
        };
    }

    private enum ValueKind
    {
        Other,
        Integer,
        Number,
        Boolean,
        String,
        Duration,
        List,
        Map,
    }

    private static ValueKind Kind(string type) => type switch
    {
        "Int16" or "Int32" or "Int64" or "UInt16" or "UInt32" or "UInt64" or "Byte" or "SByte" => ValueKind.Integer,
        "Single" or "Double" or "Decimal" => ValueKind.Number,
        "Boolean" => ValueKind.Boolean,
        "String" or "Char" => ValueKind.String,
        "TimeSpan" => ValueKind.Duration,
        "List" or "IList" or "IReadOnlyList" or "IEnumerable" or "ICollection" or "IReadOnlyCollection" or "HashSet" => ValueKind.List,
        "Dictionary" or "IDictionary" or "IReadOnlyDictionary" => ValueKind.Map,
        _ when type.EndsWith("[]", StringComparison.Ordinal) => ValueKind.List,
        _ => ValueKind.Other,
    };

    // One spelling per type: the CLR name without namespace, nullable wrapper, generic arity or arguments.
    private static string Canonical(string typeName)
    {
        var type = typeName.Trim();
        foreach (var wrapper in (ReadOnlySpan<string>)["System.Nullable`1[", "Nullable<"])
            if (type.StartsWith(wrapper, StringComparison.Ordinal)) type = type[wrapper.Length..].TrimStart('[').TrimEnd(']', '>');
        type = type.TrimEnd('?');
        var comma = type.IndexOf(',', StringComparison.Ordinal); // assembly-qualified: "System.Int64, System.Private.CoreLib, ..."
        if (comma >= 0) type = type[..comma];
        var generic = type.IndexOfAny(['`', '<']);
        if (generic >= 0) type = type[..generic];
        if (type.StartsWith("System.", StringComparison.Ordinal)) type = type[(type.LastIndexOf('.') + 1)..];
        var array = type.EndsWith("[]", StringComparison.Ordinal);
        var element = array ? type[..^2] : type;
        element = element switch
        {
            "int" => "Int32",
            "long" => "Int64",
            "short" => "Int16",
            "byte" => "Byte",
            "sbyte" => "SByte",
            "uint" => "UInt32",
            "ulong" => "UInt64",
            "ushort" => "UInt16",
            "float" => "Single",
            "double" => "Double",
            "decimal" => "Decimal",
            "bool" => "Boolean",
            "string" => "String",
            "char" => "Char",
            _ => element,
        };
        return array ? element + "[]" : element;
    }
}

/// <summary>Who reads a "what was expected" phrase (<see cref="ValueKindWords"/>).</summary>
public enum ValueAudience
{
    /// <summary>A JSON request body: JSON kinds ("an integer", "an array", "an object").</summary>
    Json,

    /// <summary>A URL query or route parameter ("an integer", "a list of values").</summary>
    Query,

    /// <summary>A configuration value (TOML, JSON file, ENCORE_* variable): integers with their range.</summary>
    Configuration,

    /// <summary>A command-line argument: numbers with their range or an example.</summary>
    CommandLine,
}
