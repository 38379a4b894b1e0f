using System.Security.Cryptography;
using System.Text;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// The host id the real host derives locally: the machine name's letters and digits, a dash and a stable hash
/// of the app's path, at most 32 characters. Receipts are kept under it, so it must not change between runs.
/// </summary>
internal static class HostIdentity
{
    public static string For(string appPath)
    {
        var machine = new string(Environment.MachineName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(appPath))), 0);
        var id = $"{machine}-{hash}";
        return id.Length <= 32 ? id : id[..32].TrimEnd('-');
    }
}
