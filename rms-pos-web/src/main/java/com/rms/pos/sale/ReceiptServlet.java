package com.rms.pos.sale;

import com.rms.platform.error.NotFoundException;
import com.rms.pos.application.Receipts;
import com.rms.pos.terminal.PosSession;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The guest's receipt at the terminal ({@code /pos/receipt?order=…}, {@code &format=pdf} for the
 * PDF): exactly what {@code GET /api/v1/orders/{id}/receipt} serves, from {@link Receipts}, for the
 * PIN session the request filter has put in place (which the API's bearer token is not).
 */
@WebServlet("/receipt")
public class ReceiptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Receipts receipts;

    @Inject
    PosSession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!session.isTakingOrders()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "receipts are for staff who take orders");
            return;
        }
        long orderId;
        try {
            orderId = Long.parseLong(request.getParameter("order"));
        } catch (NumberFormatException | NullPointerException missing) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "which order? (?order=<id>)");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        try {
            if ("pdf".equals(request.getParameter("format"))) {
                byte[] pdf = receipts.pdf(orderId);
                response.setContentType("application/pdf");
                response.setHeader("Content-Disposition", "inline; filename=\"receipt-" + orderId + ".pdf\"");
                response.getOutputStream().write(pdf);
            } else {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(receipts.html(orderId));
            }
        } catch (NotFoundException unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, unknown.getMessage());
        }
    }
}
