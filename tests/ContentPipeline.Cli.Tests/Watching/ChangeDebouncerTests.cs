using ContentPipeline.Cli.Watching;
using Microsoft.Extensions.Time.Testing;

namespace ContentPipeline.Cli.Tests.Watching;

public sealed class ChangeDebouncerTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Changes_already_quiet_come_out_once_each()
    {
        var time = new FakeTimeProvider();
        using var debouncer = new ChangeDebouncer(Quiet, time);
        debouncer.Notify("a.md");
        debouncer.Notify("a.md");
        debouncer.Notify("b.md");
        time.Advance(Quiet);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await using var paths = debouncer.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await paths.MoveNextAsync());
        Assert.Equal("a.md", paths.Current);
        Assert.True(await paths.MoveNextAsync());
        Assert.Equal("b.md", paths.Current);
    }

    [Fact]
    public async Task A_change_made_while_waiting_comes_out_after_its_quiet_period()
    {
        var time = new FakeTimeProvider();
        using var debouncer = new ChangeDebouncer(Quiet, time);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var paths = debouncer.ReadAllAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = paths.MoveNextAsync().AsTask();

        debouncer.Notify("a.md");
        // The reader wakes on the change and waits for its due time; advance the clock until it has seen it.
        while (!next.IsCompleted && !timeout.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(10, timeout.Token);
        }

        Assert.True(await next);
        Assert.Equal("a.md", paths.Current);
        Assert.True(time.GetUtcNow() - time.Start >= Quiet, "A change must not come out before its quiet period.");
    }

    [Fact]
    public async Task Reading_ends_when_cancelled()
    {
        using var debouncer = new ChangeDebouncer(Quiet, new FakeTimeProvider());
        using var cancellation = new CancellationTokenSource();
        await using var paths = debouncer.ReadAllAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        var next = paths.MoveNextAsync().AsTask();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }
}
