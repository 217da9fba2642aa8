using System.Text;

namespace MaxK.Tests.Workflows;

/// <summary>
/// Splits a workflow <c>run:</c> script into the simple commands bash would run, as word lists with quotes removed:
/// commands end at newlines, <c>;</c>, <c>&amp;</c> and <c>|</c>; comments and redirections are dropped; the
/// contents of <c>$( … )</c> and backticks are commands too. Enough of bash for the short scripts of our
/// workflows; here-documents are refused so that nothing goes unchecked.
/// </summary>
public sealed class ShellCommands
{
    private readonly string _text;
    private readonly List<IReadOnlyList<string>> _commands = [];
    private readonly List<string> _words = [];
    private readonly StringBuilder _word = new();
    private bool _inWord;
    private bool _dropNextWord;
    private int _at;

    private ShellCommands(string text) => _text = text;

    /// <summary>The simple commands of <paramref name="script"/>, each listed where it ends (a substitution before the command around it).</summary>
    /// <exception cref="FormatException">Unbalanced quotes or substitutions, or a here-document.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string script)
    {
        var parser = new ShellCommands(script);
        parser.Run();
        return parser._commands;
    }

    private void Run()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '\\' && Peek(1) == '\n') { _at += 2; continue; }
            if (c == '\\') { Append(Peek(1)); _at += 2; continue; }
            if (c == '\'') { ReadSingleQuoted(); continue; }
            if (c == '"') { ReadDoubleQuoted(); continue; }
            if (c == '`') { Append('`'); ReadBackticks(); continue; }
            if (c == '$' && Peek(1) == '(') { Append('$'); ReadSubstitution(); continue; }
            if (c == '$' && Peek(1) == '{') { ReadBraced(); continue; }
            if (c == '#' && !_inWord) { SkipComment(); continue; }
            if (c is ' ' or '\t' or '\r') { EndWord(); _at++; continue; }
            if (c is '\n' or ';' or '&' or '|' or '(' or ')') { EndCommand(); _at++; continue; }
            if (c is '>' or '<') { ReadRedirection(); continue; }
            Append(c);
            _at++;
        }
        EndCommand();
    }

    private char Peek(int offset) => _at + offset < _text.Length ? _text[_at + offset] : '\0';

    private void Append(char c)
    {
        _word.Append(c);
        _inWord = true;
    }

    private void EndWord()
    {
        if (!_inWord)
            return;
        if (_dropNextWord)
            _dropNextWord = false;
        else
            _words.Add(_word.ToString());
        _word.Clear();
        _inWord = false;
    }

    private void EndCommand()
    {
        EndWord();
        _dropNextWord = false;
        if (_words.Count > 0)
            _commands.Add([.. _words]);
        _words.Clear();
    }

    private void SkipComment()
    {
        while (_at < _text.Length && _text[_at] != '\n')
            _at++;
    }

    private void ReadSingleQuoted()
    {
        var end = _text.IndexOf('\'', _at + 1);
        if (end < 0)
            throw new FormatException("unterminated single quote");
        _word.Append(_text, _at + 1, end - _at - 1);
        _inWord = true;
        _at = end + 1;
    }

    private void ReadDoubleQuoted()
    {
        _inWord = true;
        _at++;
        while (_at < _text.Length && _text[_at] != '"')
        {
            var c = _text[_at];
            if (c == '\\') { _word.Append(Peek(1)); _at += 2; }
            else if (c == '`') { _word.Append('`'); ReadBackticks(); }
            else if (c == '$' && Peek(1) == '(') { _word.Append('$'); ReadSubstitution(); }
            else { _word.Append(c); _at++; }
        }
        if (_at >= _text.Length)
            throw new FormatException("unterminated double quote");
        _at++;
    }

    /// <summary>At <c>$(</c> after the <c>$</c>: parses the balanced body as commands of its own.</summary>
    private void ReadSubstitution()
    {
        var start = _at + 1;
        var depth = 0;
        for (var i = _at; i < _text.Length; i++)
        {
            if (_text[i] == '(') depth++;
            else if (_text[i] == ')' && --depth == 0)
            {
                Nested(_text[start..i]);
                _word.Append("(…)");
                _at = i + 1;
                return;
            }
        }
        throw new FormatException("unterminated $( substitution");
    }

    private void ReadBackticks()
    {
        var end = _text.IndexOf('`', _at + 1);
        if (end < 0)
            throw new FormatException("unterminated backtick substitution");
        Nested(_text[(_at + 1)..end]);
        _word.Append("…`");
        _inWord = true;
        _at = end + 1;
    }

    private void ReadBraced()
    {
        var end = _text.IndexOf('}', _at);
        if (end < 0)
            throw new FormatException("unterminated ${ expansion");
        _word.Append(_text, _at, end - _at + 1);
        _inWord = true;
        _at = end + 1;
    }

    /// <summary>Drops a redirection and its target word: <c>&gt; file</c>, <c>&gt;&gt; "$X"</c>, <c>2&gt;&amp;1</c>.</summary>
    private void ReadRedirection()
    {
        if (_text[_at] == '<' && Peek(1) == '<')
            throw new FormatException("here-documents are not supported; use a file or echo");
        if (_inWord && _word.ToString().All(char.IsAsciiDigit))
        {
            _word.Clear();
            _inWord = false;
        }
        EndWord();
        _at++;
        if (Peek(0) == '>')
            _at++;
        if (Peek(0) == '&')
        {
            _at++;
            while (char.IsAsciiDigit(Peek(0)) || Peek(0) == '-')
                _at++;
            return;
        }
        _dropNextWord = true;
    }

    private void Nested(string body) => _commands.AddRange(Parse(body));
}
