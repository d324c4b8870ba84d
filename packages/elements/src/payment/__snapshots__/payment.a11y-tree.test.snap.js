/* @web/test-runner snapshot v1 */
export const snapshots = {};

snapshots["methods listed (vi)"] = 
`status [live=polite, atomic]
  StaticText "Cần thanh toán: 210.000 đồng."
region "Phí, lệ phí cần thanh toán"
  heading "Phí, lệ phí cần thanh toán" [level=2]
  StaticText "Hồ sơ 000.00.15.H26-250714-0902"
  StaticText "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  StaticText "Loại"
  StaticText "Nội dung"
  StaticText "Số tiền"
  StaticText "Phí"
  StaticText "Phí cung cấp thông tin lý lịch tư pháp"
  StaticText "200.000 đồng"
  StaticText "Lệ phí"
  StaticText "Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)"
  StaticText "10.000 đồng"
  StaticText "Tổng cộng"
  StaticText "210.000 đồng"
  form "Thanh toán"
    StaticText "Hình thức thanh toán"
    radio "Thẻ ATM / Mã QR ngân hàng" [checked]
    StaticText "Thẻ ATM / Mã QR ngân hàng"
    radio "Ví điện tử MoMo" [not checked]
    StaticText "Ví điện tử MoMo"
    button "Thanh toán 210.000 đồng"
    StaticText "Ông/Bà sẽ thanh toán trên trang của cổng thanh toán, rồi quay lại đây để nhận biên lai."`;
/* end snapshot methods listed (vi) */

snapshots["pending, the page handling the gateway (vi)"] = 
`status [live=polite, atomic]
  StaticText "Đã tạo giao dịch thanh toán. Ông/Bà vui lòng hoàn tất trên cổng thanh toán."
region "Hoàn tất thanh toán"
  heading "Hoàn tất thanh toán" [focused, level=2]
  StaticText "Cổng thanh toán đã được mở. Khi thanh toán xong, hãy kiểm tra kết quả tại đây."
  button "Kiểm tra kết quả"
  button "Mở lại cổng thanh toán"`;
/* end snapshot pending, the page handling the gateway (vi) */

snapshots["confirming the result (vi)"] = 
`status [live=polite, atomic]
  StaticText "Đang kiểm tra kết quả thanh toán…"
region "Đang kiểm tra kết quả thanh toán" [busy]
  heading "Đang kiểm tra kết quả thanh toán" [focused, level=2]
  StaticText "Đang hỏi kết quả thanh toán…"`;
/* end snapshot confirming the result (vi) */

snapshots["paid (vi)"] = 
`status [live=polite, atomic]
  StaticText "Thanh toán thành công. Biên lai của Ông/Bà đã sẵn sàng."
region "Thanh toán thành công"
  heading "Thanh toán thành công" [focused, level=2]
  StaticText "Ông/Bà đã thanh toán 210.000 đồng cho hồ sơ 000.00.15.H26-250714-0902."
  StaticText "Thanh toán lúc"
  StaticText "<date-time>"
  heading "Biên lai điện tử" [level=3]
  StaticText "Biên lai số BL-<year>-<sequence>"
  StaticText "Phí"
  StaticText ":"
  StaticText "200.000 đồng"
  StaticText "Lập lúc"
  StaticText "<date-time>"
  StaticText "Biên lai số BL-<year>-<sequence>"
  StaticText "Lệ phí"
  StaticText ":"
  StaticText "10.000 đồng"
  StaticText "Lập lúc"
  StaticText "<date-time>"
  link "Xem và in biên lai (mở trong thẻ mới)"
    StaticText "Xem và in biên lai"
    StaticText " "
    StaticText "(mở trong thẻ mới)"`;
/* end snapshot paid (vi) */

snapshots["payment failed (vi)"] = 
`status [live=polite, atomic]
  StaticText "Thanh toán không thành công. Tài khoản của Ông/Bà không đủ số dư để thanh toán."
region "Thanh toán không thành công"
  heading "Thanh toán không thành công" [focused, level=2]
  StaticText "Tài khoản của Ông/Bà không đủ số dư để thanh toán."
  StaticText "Chưa có khoản tiền nào được thanh toán cho hồ sơ 000.00.15.H26-250714-0902. Ông/Bà có thể thanh toán lại, với thẻ hoặc hình thức khác nếu muốn."
  button "Thanh toán lại"`;
/* end snapshot payment failed (vi) */

snapshots["methods listed (en)"] = 
`status [live=polite, atomic]
  StaticText "To pay: VND 210,000."
region "Charges and fees to pay"
  heading "Charges and fees to pay" [level=2]
  StaticText "Dossier 000.00.15.H26-250714-0902"
  StaticText "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  StaticText "Kind"
  StaticText "Description"
  StaticText "Amount"
  StaticText "Charge"
  StaticText "Phí cung cấp thông tin lý lịch tư pháp"
  StaticText "VND 200,000"
  StaticText "Fee"
  StaticText "Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)"
  StaticText "VND 10,000"
  StaticText "Total"
  StaticText "VND 210,000"
  form "Pay"
    StaticText "Payment method"
    radio "Bank card / bank QR code" [checked]
    StaticText "Bank card / bank QR code"
    radio "MoMo e-wallet" [not checked]
    StaticText "MoMo e-wallet"
    button "Pay VND 210,000"
    StaticText "You will pay on the payment gateway's page, then come back here for your receipt."`;
/* end snapshot methods listed (en) */

snapshots["pending, the page handling the gateway (en)"] = 
`status [live=polite, atomic]
  StaticText "Payment started. Complete it on the payment gateway."
region "Complete your payment"
  heading "Complete your payment" [focused, level=2]
  StaticText "The payment gateway has been opened. When you have finished there, check the result here."
  button "Check the result"
  button "Open the payment gateway again"`;
/* end snapshot pending, the page handling the gateway (en) */

snapshots["confirming the result (en)"] = 
`status [live=polite, atomic]
  StaticText "Checking your payment…"
region "Checking your payment" [busy]
  heading "Checking your payment" [focused, level=2]
  StaticText "Asking for the result of your payment…"`;
/* end snapshot confirming the result (en) */

snapshots["paid (en)"] = 
`status [live=polite, atomic]
  StaticText "Payment successful. Your receipts are ready."
region "Payment successful"
  heading "Payment successful" [focused, level=2]
  StaticText "You have paid VND 210,000 for dossier 000.00.15.H26-250714-0902."
  StaticText "Paid on"
  StaticText "<date-time>"
  heading "Electronic receipts" [level=3]
  StaticText "Receipt no. BL-<year>-<sequence>"
  StaticText "Charge"
  StaticText ":"
  StaticText "VND 200,000"
  StaticText "Issued on"
  StaticText "<date-time>"
  StaticText "Receipt no. BL-<year>-<sequence>"
  StaticText "Fee"
  StaticText ":"
  StaticText "VND 10,000"
  StaticText "Issued on"
  StaticText "<date-time>"
  link "View and print the receipt (opens in a new tab)"
    StaticText "View and print the receipt"
    StaticText " "
    StaticText "(opens in a new tab)"`;
/* end snapshot paid (en) */

snapshots["payment failed (en)"] = 
`status [live=polite, atomic]
  StaticText "Payment failed. Your account does not have enough money for this payment."
region "Payment failed"
  heading "Payment failed" [focused, level=2]
  StaticText "Your account does not have enough money for this payment."
  StaticText "Nothing was paid for dossier 000.00.15.H26-250714-0902. You can try again, with another card or method if you like."
  button "Pay again"`;
/* end snapshot payment failed (en) */

