namespace Encore.Core.Errors;

/// <summary>Base of every domain failure Encore reports: bad data, bad model files, failed fits.</summary>
public class EncoreException : Exception
{
    public EncoreException() { }

    public EncoreException(string message) : base(message) { }

    public EncoreException(string message, Exception? inner) : base(message, inner) { }
}
