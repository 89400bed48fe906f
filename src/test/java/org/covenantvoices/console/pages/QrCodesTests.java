package org.covenantvoices.console.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.covenantvoices.record.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event QR code says what the page says it does: drawn as SVG, it reads back as the join link. */
class QrCodesTests {

	private static final Event EVENT = new Event("K7MX4P", "roundtable", "Cardiff roundtable", LocalDate.of(2026, 11,
			20), "WCVA", "wales", null, "open", null, null, List.of(), null, "admin", Instant.now(), Instant.now());

	@Test
	void theQrCodeReadsBackAsTheTelegramDeepLink() throws Exception {
		JoinInstructions.Instructions join = new JoinInstructions("+44 7700 900123", "", "@CovenantVoicesBot")
			.forEvent(EVENT);
		assertThat(join.telegramLink()).isEqualTo("https://t.me/CovenantVoicesBot?start=K7MX4P");
		assertThat(join.smsLink()).isEqualTo("sms:+447700900123?body=K7MX4P");
		assertThat(join.whatsappNumber()).isNull();
		String svg = QrCodes.svg(join.qrContents(), join.qrDescription());
		assertThat(svg).contains("<title>QR code: opens Telegram and joins event K7MX4P</title>");
		assertThat(decode(svg)).isEqualTo("https://t.me/CovenantVoicesBot?start=K7MX4P");
	}

	@Test
	void withoutABotTheQrCodeStartsATextAndWithoutANumberItIsTheCode() throws Exception {
		JoinInstructions.Instructions sms = new JoinInstructions("07700900123", null, null).forEvent(EVENT);
		assertThat(sms.telegramLink()).isNull();
		assertThat(decode(QrCodes.svg(sms.qrContents(), sms.qrDescription()))).isEqualTo("sms:07700900123?body=K7MX4P");
		JoinInstructions.Instructions none = new JoinInstructions("", "", "").forEvent(EVENT);
		assertThat(decode(QrCodes.svg(none.qrContents(), none.qrDescription()))).isEqualTo("K7MX4P");
	}

	/** Reads the SVG's modules back into pixels, 4 a module, and decodes them with ZXing's reader. */
	private static String decode(String svg) throws Exception {
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1));
		int scale = 4;
		int[] pixels = new int[size * scale * size * scale];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
				}
			}
		}
		RGBLuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}
}
