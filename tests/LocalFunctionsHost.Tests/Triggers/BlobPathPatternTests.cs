using LocalFunctionsHost.Blobs;

namespace LocalFunctionsHost.Tests.Triggers;

public sealed class BlobPathPatternTests
{
    [Theory]
    [InlineData("articles/{name}", "articles", "hello.md", "name=hello.md")]
    [InlineData("articles/{name}", "articles", "nested/deep/file.md", "name=nested/deep/file.md")]
    [InlineData("in/{stem}.{ext}", "in", "a.b.txt", "stem=a.b;ext=txt")]
    [InlineData("in/{stem}.{ext}", "in", "noext.", "stem=noext;ext=")]
    [InlineData("in/prefix-{id}.json", "in", "prefix-42.json", "id=42")]
    [InlineData("in/{{literal}}/{name}", "in", "{literal}/x", "name=x")]
    [InlineData("in", "in", "anything/at/all", "")]
    public void Matching_blobs_give_each_placeholder_its_value(string path, string container, string blob, string expected)
    {
        var pattern = BlobPathPattern.Parse(path);

        Assert.True(pattern.TryMatch(container, blob, out var values));
        Assert.Equal(expected, string.Join(';', values.OrderBy(v => pattern.ParameterNames.ToList().IndexOf(v.Key)).Select(v => $"{v.Key}={v.Value}")));
    }

    [Theory]
    [InlineData("in/{stem}.{ext}", "in", "no-dot")]
    [InlineData("in/prefix-{id}.json", "in", "other-42.json")]
    [InlineData("in/prefix-{id}.json", "in", "prefix-42.json.bak")]
    [InlineData("articles/{name}", "other", "hello.md")]
    [InlineData("articles/{name}", "Articles", "hello.md")]
    public void Other_blobs_and_containers_do_not_match(string path, string container, string blob) =>
        Assert.False(BlobPathPattern.Parse(path).TryMatch(container, blob, out _));

    [Fact]
    public void Regex_characters_in_literals_match_only_themselves()
    {
        var pattern = BlobPathPattern.Parse("in/a+b(c)/{name}");

        Assert.True(pattern.TryMatch("in", "a+b(c)/x", out _));
        Assert.False(pattern.TryMatch("in", "aab(c)/x", out _));
    }

    [Theory]
    [InlineData("{container}/x", "container")]
    [InlineData("in/{bad-name}", "invalid placeholder")]
    [InlineData("in/{}", "invalid placeholder")]
    [InlineData("in/{a}-{A}", "twice")]
    public void Invalid_paths_are_refused_with_a_reason(string path, string reason)
    {
        var error = Assert.Throws<FormatException>(() => BlobPathPattern.Parse(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_setting_references_in_paths_are_resolved_and_missing_ones_named()
    {
        var settings = new Dictionary<string, string> { ["InputContainer"] = "uploads" };

        Assert.Equal("uploads/{name}", AppSettingExpressions.Resolve("%InputContainer%/{name}", settings, "F"));
        var error = Assert.Throws<InvalidOperationException>(() => AppSettingExpressions.Resolve("%Missing_Setting_For_Test%/{name}", settings, "F"));
        Assert.Contains("%Missing_Setting_For_Test%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blob_trigger_functions_read_source_and_connection_with_defaults()
    {
        var eventGrid = LoadedFunctions.With("Publish", """{"name":"source","type":"blobTrigger","direction":"In","path":"articles/{name}","source":"EventGrid","connection":"MyStorage"}""");
        var scanned = LoadedFunctions.With("Scan", """{"name":"content","type":"blobTrigger","direction":"In","path":"text-in/{name}"}""");

        var functions = BlobTriggerFunction.From([eventGrid, scanned], new Dictionary<string, string>());

        Assert.Equal((BlobTriggerSource.EventGrid, "MyStorage", "source", "articles"), (functions[0].Source, functions[0].Connection, functions[0].BindingName, functions[0].Path.Container));
        Assert.Equal((BlobTriggerSource.LogsAndContainerScan, BlobTriggerFunction.DefaultConnection), (functions[1].Source, functions[1].Connection));
    }
}
