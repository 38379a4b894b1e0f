using System.Globalization;
using System.Text.RegularExpressions;

namespace LocalFunctionsHost.Storage;

/// <summary>
/// Reads the ports Azurite reports on stdout once each service listens: started with port 0,
/// Azurite lets the OS pick a free port and prints
/// "Azurite Blob service is successfully listening at http://127.0.0.1:45509".
/// </summary>
internal sealed partial class AzuriteListeningPorts
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _allListening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int? _blob;
    private int? _queue;
    private int? _table;

    /// <summary>Completes once blob, queue and table have each reported their port.</summary>
    public Task AllListening => _allListening.Task;

    public int Blob => _blob ?? throw NotYetListening();

    public int Queue => _queue ?? throw NotYetListening();

    public int Table => _table ?? throw NotYetListening();

    public void Observe(string standardOutputLine)
    {
        var match = ListeningLine().Match(standardOutputLine);
        if (!match.Success)
        {
            return;
        }

        var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            switch (match.Groups["service"].Value)
            {
                case "Blob":
                    _blob = port;
                    break;
                case "Queue":
                    _queue = port;
                    break;
                case "Table":
                    _table = port;
                    break;
            }

            if (_blob is not null && _queue is not null && _table is not null)
            {
                _allListening.TrySetResult();
            }
        }
    }

    private static InvalidOperationException NotYetListening() => new("Azurite has not reported all its ports yet.");

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^\s:/]+:(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
