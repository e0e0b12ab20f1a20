namespace Ptm.Actors.TestKit.Scenarios;

/// <summary>Abandons the parse of one line; the file parser records it and goes on with the next line.</summary>
internal sealed class SpecSyntaxException(int column, string message) : Exception(message)
{
    public int Column { get; } = column;
}
