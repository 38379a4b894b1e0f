using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LocalFunctionsHost.Tests.Browser;

/// <summary>
/// Records what a page does that a reader would not see: console errors (Content-Security-Policy violations are
/// among them), uncaught exceptions, requests and those that failed, and dialogs, which it dismisses.
/// </summary>
internal sealed class PageWatch
{
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();
    private readonly ConcurrentQueue<string> _dialogs = new();
    private readonly ConcurrentQueue<(string Method, string Url)> _requests = new();

    private PageWatch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue($"uncaught: {error}");
        page.Request += (_, request) => _requests.Enqueue((request.Method, request.Url));
        page.RequestFailed += (_, request) => _failedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _failedRequests.Enqueue($"{response.Request.Method} {response.Url}: {response.Status}");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Enqueue($"{dialog.Type}(\"{dialog.Message}\")");
            await dialog.DismissAsync();
        };
    }

    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    public IReadOnlyList<string> FailedRequests => [.. _failedRequests];

    public IReadOnlyList<string> Dialogs => [.. _dialogs];

    public IReadOnlyList<(string Method, string Url)> Requests => [.. _requests];

    public static PageWatch Attach(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageWatch(page);
    }

    /// <summary>Forgets everything recorded so far, before the page's next navigation.</summary>
    public void Clear()
    {
        _consoleErrors.Clear();
        _failedRequests.Clear();
        _dialogs.Clear();
        _requests.Clear();
    }
}
