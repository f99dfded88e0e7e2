/**
 * How students get into a class: the code (grouped 4–4, as people read it aloud), the whole link with a copy
 * button, and a QR code of the link for the classroom projector. The QR code is drawn on the server as SVG.
 */
import QRCode from 'qrcode';
import { CopyButton } from '@/app/_components/copy-button';
import type { Translate } from '@/lib/i18n/catalogue';

/** `K7PX3MQA` → `K7PX-3MQA`; joining accepts either. */
export function groupedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

export async function JoinLink({ code, origin, t }: { code: string; origin: string; t: Translate }) {
  const link = `${origin}/join/${code}`;
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <div className="join-link">
      <p className="join-code" data-testid="join-code">
        {groupedCode(code)}
      </p>
      <p>
        {t('classes.joinLink')}: <a href={link}>{link}</a>
      </p>
      <CopyButton
        value={link}
        label={t('reset.copyLink')}
        copiedText={t('settings.copied')}
        failedText={t('settings.copyFailed')}
      />
      <figure className="join-qr">
        {/* The SVG is the qrcode library's output for our own link: no user-supplied markup. */}
        <div role="img" aria-label={t('classes.qrLabel', { link })} dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption className="hint">{t('classes.qrCaption')}</figcaption>
      </figure>
    </div>
  );
}
