package org.covenantvoices.console.pages;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.web.util.HtmlUtils;

/**
 * QR codes drawn on the server as SVG (ZXing encodes, we draw one path of dark modules), so a printed poster or a
 * projector slide can carry an event's join link without anything loaded from elsewhere.
 */
final class QrCodes {

	private QrCodes() {
	}

	/**
	 * @param title what the code is for, for screen readers and image viewers
	 */
	static String svg(String contents, String title) {
		BitMatrix matrix;
		try {
			// Medium error correction survives a smudged print; a quiet zone of 4 modules is what scanners expect.
			matrix = new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Cannot draw a QR code for that text", e);
		}
		int size = matrix.getWidth();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < size; x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + matrix.getHeight()
				+ "\" width=\"" + size * 8 + "\" height=\"" + matrix.getHeight() * 8
				+ "\" shape-rendering=\"crispEdges\" role=\"img\"><title>" + HtmlUtils.htmlEscape(title)
				+ "</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#0b0c0c\" d=\"" + path
				+ "\"/></svg>\n";
	}
}
