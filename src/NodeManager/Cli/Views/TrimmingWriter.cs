using System.Text;

namespace NodeManager.Cli.Views;

/// <summary>
/// Passes text on without the spaces at the end of each line, which tables pad their last column with: piped output,
/// files and pasted tickets then carry only what is read.
/// </summary>
public sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private int _pendingSpaces;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        switch (value)
        {
            case ' ':
                _pendingSpaces++;
                break;
            case '\r' or '\n':
                _pendingSpaces = 0;
                inner.Write(value);
                break;
            default:
                if (_pendingSpaces > 0)
                {
                    inner.Write(new string(' ', _pendingSpaces));
                    _pendingSpaces = 0;
                }

                inner.Write(value);
                break;
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush() => inner.Flush();
}
