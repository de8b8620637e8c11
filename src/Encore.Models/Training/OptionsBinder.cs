using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Training;

/// <summary>
/// Builds an options record from string settings by setting its public init-only properties. Reflection
/// keeps every option of every *Options record settable without a hand-kept table that could drift; the
/// records' own setters still validate each value (their message is passed on with the key named).
/// The options types are annotated with <see cref="Members"/>, so a trimmed (Native AOT) build keeps the properties and
/// the constructor this reflection needs.
/// </summary>
internal static class OptionsBinder
{
    /// <summary>What the binder reflects on: the public properties (keys) and the parameterless constructor (defaults).</summary>
    public const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    public static T Bind<[DynamicallyAccessedMembers(Members)] T>(string model, IReadOnlyDictionary<string, string>? settings) where T : ModelOptions, new()
    {
        var options = new T();
        if (settings is null || settings.Count == 0) return options;
        var properties = Settable(typeof(T));
        foreach (var (key, text) in settings)
        {
            var property = properties.FirstOrDefault(p => SettingNames.Loose(p.Name) == SettingNames.Loose(key))
                ?? throw new ArgumentException($"unknown setting '{key}' for model {model}; valid settings: {string.Join(", ", [.. Describe(typeof(T)).Select(s => s.Key), ModelInput.Key])}.");
            var value = Convert(model, key, text, property.PropertyType);
            try
            {
                property.SetValue(options, value);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException inner)
            {
                throw new ArgumentException($"setting '{key}={text}' for model {model} is out of range: {Guard.PlainMessage(inner)}", inner);
            }
        }
        return options;
    }

    public static IReadOnlyList<ModelSetting> Describe([DynamicallyAccessedMembers(Members)] Type optionsType)
    {
        var defaults = Activator.CreateInstance(optionsType)!;
        return [.. Settable(optionsType).Select(p => new ModelSetting(SettingNames.Kebab(p.Name), TypeName(p.PropertyType), Format(p.GetValue(defaults))))];
    }

    private static PropertyInfo[] Settable([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && IsSupported(p.PropertyType))
            .OrderBy(p => p.DeclaringType == typeof(ModelOptions) ? 1 : 0)
            .ThenBy(p => MetadataTokens ? p.MetadataToken : 0)];

    // Declaration order comes from metadata tokens. A Native AOT build has none (reading one throws), and there the order
    // GetProperties returns is kept (the derived type's own properties first); only help listings see the difference.
    private static readonly bool MetadataTokens = typeof(ModelOptions).GetProperty(nameof(ModelOptions.Seed))!.HasMetadataToken();

    private static bool IsSupported(Type t) =>
        t.IsEnum || t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(ulong) || t == typeof(float) || t == typeof(double) || t == typeof(bool);

    private static object Convert(string model, string key, string text, Type type)
    {
        var s = text.Trim();
        var ok = true;
        object? value = null;
        if (type == typeof(string)) value = s;
        else if (type.IsEnum)
        {
            var name = Enum.GetNames(type).FirstOrDefault(n => SettingNames.Loose(n) == SettingNames.Loose(s));
            ok = name is not null;
            if (ok) value = Enum.Parse(type, name!);
        }
        else if (type == typeof(bool))
        {
            value = SettingNames.Loose(s) switch
            {
                "true" or "yes" or "on" or "1" => true,
                "false" or "no" or "off" or "0" => false,
                _ => null,
            };
            ok = value is not null;
        }
        else if (type == typeof(int)) { ok = int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v); value = v; }
        else if (type == typeof(long)) { ok = long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v); value = v; }
        else if (type == typeof(ulong)) { ok = ulong.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v); value = v; }
        else if (type == typeof(float)) { ok = float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v); value = v; }
        else if (type == typeof(double)) { ok = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v); value = v; }
        if (!ok || value is null)
            throw new ArgumentException($"setting '{key}={text}' for model {model}: expected {TypeName(type)}.");
        return value;
    }

    private static string TypeName(Type t) =>
        t.IsEnum ? string.Join('|', Enum.GetNames(t).Select(SettingNames.Kebab))
        : t == typeof(bool) ? "bool"
        : t == typeof(float) || t == typeof(double) ? "number"
        : t == typeof(ulong) ? "non-negative integer"
        : t == typeof(string) ? "text"
        : "integer";

    private static string Format(object? value) => value switch
    {
        Enum e => SettingNames.Kebab(e.ToString()),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
