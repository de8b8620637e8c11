namespace Encore.Core.Errors;

/// <summary>Training failed (e.g. factors became NaN); the message says what to try.</summary>
public sealed class ModelFitException : EncoreException
{
    public ModelFitException() { }

    public ModelFitException(string message) : base(message) { }

    public ModelFitException(string message, Exception? inner) : base(message, inner) { }
}
