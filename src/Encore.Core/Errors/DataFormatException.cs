namespace Encore.Core.Errors;

/// <summary>
/// A row of an input file that cannot be read. The message always names the file, the 1-based line
/// (0 when the problem is with the whole file), the field and what was expected.
/// </summary>
public sealed class DataFormatException : EncoreException
{
    public DataFormatException(string file, long line, string field, string problem, Exception? inner = null)
        : base(Format(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public DataFormatException() { }

    public DataFormatException(string message) : base(message) { File = ""; Field = ""; Problem = message; }

    public DataFormatException(string message, Exception? inner) : base(message, inner) { File = ""; Field = ""; Problem = message; }

    public string File { get; } = "";

    public long Line { get; }

    public string Field { get; } = "";

    public string Problem { get; } = "";

    private static string Format(string file, long line, string field, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return string.IsNullOrEmpty(field) ? $"{where}: {problem}" : $"{where}: field '{field}': {problem}";
    }
}
