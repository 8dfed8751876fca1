using MimeKit;

namespace Omni.Notifications.Sending;

/// <summary>
/// Writes each e-mail as an .eml file (RFC 5322, openable by any mail client) under <c>email/</c>: for demos, tests and
/// installations without a mail server. Written to a temporary name and then renamed, so a reader never sees half a file.
/// </summary>
internal sealed class EmlFileSender(string directory, TimeProvider clock) : IEmailSender
{
    public string Directory { get; } = Path.Combine(directory, "email");

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, FileName(clock, message.MessageId ?? Guid.CreateVersion7().ToString("N"), "eml"));
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Time first so a directory listing reads in sending order; the message id keeps names unique.</summary>
    internal static string FileName(TimeProvider clock, string id, string extension)
    {
        var safe = new string(id.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        return $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{safe}.{extension}";
    }
}

/// <summary>Writes each SMS as a small text file under <c>sms/</c>: the recipient, a blank line, the text.</summary>
internal sealed class SmsFileSender(string directory, TimeProvider clock) : ISmsSender
{
    public string Directory { get; } = Path.Combine(directory, "sms");

    public async Task SendAsync(Sms message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, EmlFileSender.FileName(clock, Guid.CreateVersion7().ToString("N"), "txt"));
        await File.WriteAllTextAsync(path + ".tmp", $"To: {message.To}\n\n{message.Text}\n", ct);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
