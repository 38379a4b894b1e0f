using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace ContentPipeline.Cli.Tests.Support;

/// <summary>
/// A <see cref="TestConsole"/> whose output a test may read while a command is still writing to it (watch runs
/// until it is cancelled): writes and reads take one lock.
/// </summary>
public sealed class SynchronizedConsole(TestConsole inner) : IAnsiConsole, IDisposable
{
    private readonly Lock gate = new();

    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public string Output
    {
        get
        {
            lock (gate)
            {
                return inner.Output;
            }
        }
    }

    public void Clear(bool home)
    {
        lock (gate)
        {
            inner.Clear(home);
        }
    }

    public void Write(IRenderable renderable)
    {
        lock (gate)
        {
            inner.Write(renderable);
        }
    }

    public void WriteAnsi(Action<AnsiWriter> action)
    {
        lock (gate)
        {
            inner.WriteAnsi(action);
        }
    }

    public void Dispose() => inner.Dispose();
}
