namespace ContentPipeline.Testing;

/// <summary>One entry of the XSS corpus in <c>tests/samples/xss</c>.</summary>
/// <param name="Name">The entry's name: a valid slug, unique in the corpus, that the article is published under.</param>
/// <param name="Class">The class of vector: the name of the file the entry is in (<c>script</c>, <c>svg-mathml</c>, …).</param>
/// <param name="Extension">The article's format as a file extension: <c>.md</c> or <c>.html</c>.</param>
/// <param name="Source">The article's text, tokens expanded.</param>
public sealed record XssVector(string Name, string Class, string Extension, string Source)
{
    /// <summary>The file name the article is uploaded as: <c>{Name}{Extension}</c>.</summary>
    public string FileName => Name + Extension;

    public override string ToString() => $"{Class}/{FileName}";
}
