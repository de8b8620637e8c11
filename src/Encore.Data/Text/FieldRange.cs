namespace Encore.Data.Text;

/// <summary>
/// Where one field sits inside a line: byte offset and length of its content (without the surrounding
/// quotes of a quoted CSV field). <see cref="Escaped"/> says the content still holds doubled quotes ("")
/// that must be collapsed before use.
/// </summary>
internal readonly record struct FieldRange(int Start, int Length, bool Escaped);
