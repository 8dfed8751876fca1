using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Omni.Notifications.Sending;

/// <summary>Sends e-mail through the SMTP server of <c>Omni:Notifications:Smtp</c>; one connection per message keeps it simple and stateless.</summary>
internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host!, options.Port, SecureSocketOptions.Auto, ct);
        if (options.UserName is { Length: > 0 } user) await client.AuthenticateAsync(user, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
