namespace LocalFunctionsHost.Blobs;

/// <summary>How a blob trigger learns about new blobs (the binding's <c>source</c>).</summary>
internal enum BlobTriggerSource
{
    /// <summary>The default: the real host scans containers every 10 seconds (and reads storage logs).</summary>
    LogsAndContainerScan,

    /// <summary>Event Grid delivers BlobCreated events to the host's blobs webhook.</summary>
    EventGrid,
}
