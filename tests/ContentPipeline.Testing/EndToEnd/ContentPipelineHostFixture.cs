namespace ContentPipeline.Testing.EndToEnd;

/// <summary>One local host running the content pipeline app.</summary>
public sealed class ContentPipelineHostFixture() : EndToEndHostFixture(() => EndToEndApps.ContentPipeline);
