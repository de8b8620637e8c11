using Microsoft.ML;
using Microsoft.ML.Data;

namespace Encore.Models.Hierarchy;

/// <summary>Turns row-major feature floats into an ML.NET data view with a fixed-width vector column.</summary>
internal static class CandidateRows
{
    public const string Label = "Label";
    public const string Features = "Features";

    public static IDataView Load(MLContext ml, float[] rows, bool[] labels, int width)
    {
        var items = new Row[labels.Length];
        for (var i = 0; i < items.Length; i++)
            items[i] = new Row { Label = labels[i], Features = rows.AsSpan(i * width, width).ToArray() };
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(items, schema);
    }

    internal sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
