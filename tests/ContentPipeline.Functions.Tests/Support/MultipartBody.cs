using System.Net.Http.Headers;

namespace ContentPipeline.Functions.Tests.Support;

/// <summary>A multipart/form-data body of files, as a browser form or curl -F sends it.</summary>
public sealed class MultipartBody
{
    private readonly List<(string FileName, byte[] Content, string? ContentType)> files = [];

    /// <summary>Adds a file part; a null <paramref name="contentType"/> sends the part without a Content-Type.</summary>
    public MultipartBody File(string fileName, string content, string? contentType)
    {
        files.Add((fileName, HttpContexts.Utf8(content), contentType));
        return this;
    }

    /// <summary>The body's bytes and the Content-Type (with its boundary) to send them with.</summary>
    public async Task<(byte[] Body, string ContentType)> SerializeAsync()
    {
        using var form = new MultipartFormDataContent();
        foreach (var (fileName, content, contentType) in files)
        {
            var part = new ByteArrayContent(content);
            if (contentType is not null)
            {
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            form.Add(part, "files", fileName);
        }

        using var buffer = new MemoryStream();
        await form.CopyToAsync(buffer);
        return (buffer.ToArray(), form.Headers.ContentType!.ToString());
    }
}
