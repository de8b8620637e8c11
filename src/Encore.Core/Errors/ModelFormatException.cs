namespace Encore.Core.Errors;

/// <summary>A model or snapshot file that is truncated, corrupt, or written by another format version.</summary>
public sealed class ModelFormatException : EncoreException
{
    public ModelFormatException() { }

    public ModelFormatException(string message) : base(message) { }

    public ModelFormatException(string message, Exception? inner) : base(message, inner) { }
}
