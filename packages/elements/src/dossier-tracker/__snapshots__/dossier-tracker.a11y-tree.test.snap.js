/* @web/test-runner snapshot v1 */
export const snapshots = {};

snapshots["empty form (vi)"] = 
`status [live=polite, atomic]
form "Tra cứu hồ sơ"
  StaticText "Mã hồ sơ"
  StaticText "Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  textbox "Mã hồ sơ" description="Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  button "Tra cứu"`;
/* end snapshot empty form (vi) */

snapshots["validation errors (vi)"] = 
`status [live=polite, atomic]
generic [focused]
  alert [live=assertive, atomic]
    heading "Có lỗi cần khắc phục" [level=2]
    link "Mã hồ sơ chưa đúng định dạng, ví dụ: 000.00.15.H26-250714-0042"
      StaticText "Mã hồ sơ chưa đúng định dạng, ví dụ: 000.00.15.H26-250714-0042"
    link "Nhập số định danh cá nhân"
      StaticText "Nhập số định danh cá nhân"
form "Tra cứu hồ sơ"
  StaticText "Mã hồ sơ"
  StaticText "Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  StaticText "Lỗi:"
  StaticText "Mã hồ sơ chưa đúng định dạng, ví dụ: 000.00.15.H26-250714-0042"
  textbox "Mã hồ sơ" [invalid, value="HS-12345"] description="Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả. Lỗi: Mã hồ sơ chưa đúng định dạng, ví dụ: 000.00.15.H26-250714-0042"
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  StaticText "Lỗi:"
  StaticText "Nhập số định danh cá nhân"
  textbox "Số định danh cá nhân" [invalid] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà. Lỗi: Nhập số định danh cá nhân"
  button "Tra cứu"`;
/* end snapshot validation errors (vi) */

snapshots["loading (vi)"] = 
`status [live=polite, atomic]
  StaticText "Đang tra cứu hồ sơ…"
form "Tra cứu hồ sơ"
  StaticText "Mã hồ sơ"
  StaticText "Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  textbox "Mã hồ sơ" [value="000.00.15.H26-250714-0901"] description="Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" [value="079203001234"] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  button "Tra cứu"
generic [busy]
  paragraph
    StaticText "Đang tải…"`;
/* end snapshot loading (vi) */

snapshots["found dossier (vi)"] = 
`status [live=polite, atomic]
  StaticText "Đã tìm thấy hồ sơ. Trạng thái: Đã trả kết quả"
region "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  heading "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài" [focused, level=2]
  StaticText "Trạng thái"
  StaticText ":"
  StaticText "Đã trả kết quả"
  StaticText "Hoàn thành trước hạn 2 ngày làm việc"
  heading "Đánh giá mức độ hài lòng" [level=3]
  StaticText "Hãy cho cơ quan biết Ông/Bà có hài lòng với việc giải quyết hồ sơ của mình không."
  button "Đánh giá"
  StaticText "Mã hồ sơ"
  StaticText "000.00.15.H26-250714-0901"
  StaticText "Cơ quan tiếp nhận"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình"
  StaticText "Ngày tiếp nhận"
  StaticText "09:15 ngày 14/07/2025"
  StaticText "Ngày hẹn trả kết quả"
  StaticText "17:00 ngày 25/07/2025"
  StaticText "Ngày hoàn thành"
  StaticText "10:00 ngày 24/07/2025"
  heading "Quá trình xử lý" [level=3]
  StaticText "08:15 ngày 14/07/2025"
  StaticText "Công dân nộp hồ sơ trực tuyến"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Hệ thống"
  StaticText "Mới đăng ký"
  StaticText "09:15 ngày 14/07/2025"
  StaticText "Tiếp nhận hồ sơ"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Cán bộ Bộ phận Một cửa"
  StaticText "Đã được tiếp nhận"
  StaticText "16:50 ngày 16/07/2025"
  StaticText "Chuyển hồ sơ đến phòng chuyên môn xử lý"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Chuyên viên"
  StaticText "Đang xử lý"
  StaticText "14:25 ngày 21/07/2025"
  StaticText "Phê duyệt kết quả giải quyết"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Lãnh đạo cơ quan"
  StaticText "Đã xử lý xong"
  StaticText "10:00 ngày 24/07/2025"
  StaticText "Trả kết quả cho công dân"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Cán bộ Bộ phận Một cửa"
  StaticText "Đã trả kết quả"
  button "Tra cứu hồ sơ khác"`;
/* end snapshot found dossier (vi) */

snapshots["found dossier with fees to pay (vi)"] = 
`status [live=polite, atomic]
  StaticText "Đã tìm thấy hồ sơ. Trạng thái: Yêu cầu thực hiện nghĩa vụ tài chính"
region "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  heading "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài" [focused, level=2]
  StaticText "Trạng thái"
  StaticText ":"
  StaticText "Yêu cầu thực hiện nghĩa vụ tài chính"
  StaticText "Đang trong hạn"
  heading "Phí, lệ phí" [level=3]
  StaticText "Phí cung cấp thông tin lý lịch tư pháp"
  StaticText "200.000 đồng"
  StaticText "Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)"
  StaticText "10.000 đồng"
  StaticText "Tổng cộng"
  StaticText "210.000 đồng"
  StaticText "Chưa thanh toán"
  button "Thanh toán"
  StaticText "Mã hồ sơ"
  StaticText "000.00.15.H26-261102-0014"
  StaticText "Cơ quan tiếp nhận"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội"
  StaticText "Ngày tiếp nhận"
  StaticText "<date-time>"
  StaticText "Ngày hẹn trả kết quả"
  StaticText "<date-time>"
  heading "Quá trình xử lý" [level=3]
  StaticText "<date-time>"
  StaticText "Công dân nộp hồ sơ trực tuyến"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Hệ thống"
  StaticText "Mới đăng ký"
  StaticText "<date-time>"
  StaticText "Tiếp nhận hồ sơ"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Cán bộ Bộ phận Một cửa"
  StaticText "Đã được tiếp nhận"
  StaticText "<date-time>"
  StaticText "Chuyển hồ sơ đến phòng chuyên môn xử lý"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Chuyên viên"
  StaticText "Đang xử lý"
  StaticText "<date-time>"
  StaticText "Yêu cầu thực hiện nghĩa vụ tài chính"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Chuyên viên"
  StaticText "Yêu cầu thực hiện nghĩa vụ tài chính"
  button "Tra cứu hồ sơ khác"`;
/* end snapshot found dossier with fees to pay (vi) */

snapshots["not found (vi)"] = 
`status [live=polite, atomic]
form "Tra cứu hồ sơ"
  StaticText "Mã hồ sơ"
  StaticText "Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  textbox "Mã hồ sơ" [value="000.00.15.H26-261102-9999"] description="Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" [value="079203001234"] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  button "Tra cứu"
alert [live=assertive, atomic]
  StaticText "Không tìm thấy hồ sơ khớp với mã hồ sơ và số định danh cá nhân đã nhập. Vui lòng kiểm tra lại và thử lại."`;
/* end snapshot not found (vi) */

snapshots["error (vi)"] = 
`status [live=polite, atomic]
form "Tra cứu hồ sơ"
  StaticText "Mã hồ sơ"
  StaticText "Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  textbox "Mã hồ sơ" [value="000.00.15.H26-250714-0901"] description="Ví dụ: 000.00.15.H26-250714-0042. Mã hồ sơ được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" [value="079203001234"] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  button "Tra cứu"
alert [live=assertive, atomic]
  StaticText "Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
  button "Thử lại"`;
/* end snapshot error (vi) */

snapshots["empty form (en)"] = 
`status [live=polite, atomic]
form "Look up a dossier"
  StaticText "Dossier code"
  StaticText "For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  textbox "Dossier code" description="For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" description="The 12 digits on your citizen identity card."
  button "Look up"`;
/* end snapshot empty form (en) */

snapshots["validation errors (en)"] = 
`status [live=polite, atomic]
generic [focused]
  alert [live=assertive, atomic]
    heading "There is a problem" [level=2]
    link "Enter the dossier code in the right format, like 000.00.15.H26-250714-0042"
      StaticText "Enter the dossier code in the right format, like 000.00.15.H26-250714-0042"
    link "Enter your personal identification number"
      StaticText "Enter your personal identification number"
form "Look up a dossier"
  StaticText "Dossier code"
  StaticText "For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  StaticText "Error:"
  StaticText "Enter the dossier code in the right format, like 000.00.15.H26-250714-0042"
  textbox "Dossier code" [invalid, value="HS-12345"] description="For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you. Error: Enter the dossier code in the right format, like 000.00.15.H26-250714-0042"
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  StaticText "Error:"
  StaticText "Enter your personal identification number"
  textbox "Personal identification number" [invalid] description="The 12 digits on your citizen identity card. Error: Enter your personal identification number"
  button "Look up"`;
/* end snapshot validation errors (en) */

snapshots["loading (en)"] = 
`status [live=polite, atomic]
  StaticText "Looking up your dossier…"
form "Look up a dossier"
  StaticText "Dossier code"
  StaticText "For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  textbox "Dossier code" [value="000.00.15.H26-250714-0901"] description="For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" [value="079203001234"] description="The 12 digits on your citizen identity card."
  button "Look up"
generic [busy]
  paragraph
    StaticText "Loading…"`;
/* end snapshot loading (en) */

snapshots["found dossier (en)"] = 
`status [live=polite, atomic]
  StaticText "Dossier found. Status: Result delivered"
region "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  heading "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài" [focused, level=2]
  StaticText "Status"
  StaticText ":"
  StaticText "Result delivered"
  StaticText "Finished 2 working days early"
  heading "Rate the service" [level=3]
  StaticText "Tell the agency how satisfied you are with how your dossier was handled."
  button "Evaluate"
  StaticText "Dossier code"
  StaticText "000.00.15.H26-250714-0901"
  StaticText "Receiving unit"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình"
  StaticText "Received on"
  StaticText "14 Jul 2025, 09:15"
  StaticText "Due on"
  StaticText "25 Jul 2025, 17:00"
  StaticText "Completed on"
  StaticText "24 Jul 2025, 10:00"
  heading "Processing history" [level=3]
  StaticText "14 Jul 2025, 08:15"
  StaticText "Công dân nộp hồ sơ trực tuyến"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Hệ thống"
  StaticText "Submitted online"
  StaticText "14 Jul 2025, 09:15"
  StaticText "Tiếp nhận hồ sơ"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Cán bộ Bộ phận Một cửa"
  StaticText "Received"
  StaticText "16 Jul 2025, 16:50"
  StaticText "Chuyển hồ sơ đến phòng chuyên môn xử lý"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Chuyên viên"
  StaticText "Being processed"
  StaticText "21 Jul 2025, 14:25"
  StaticText "Phê duyệt kết quả giải quyết"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Lãnh đạo cơ quan"
  StaticText "Decided"
  StaticText "24 Jul 2025, 10:00"
  StaticText "Trả kết quả cho công dân"
  StaticText "Bộ phận Một cửa UBND phường Ba Đình · Cán bộ Bộ phận Một cửa"
  StaticText "Result delivered"
  button "Look up another dossier"`;
/* end snapshot found dossier (en) */

snapshots["found dossier with fees to pay (en)"] = 
`status [live=polite, atomic]
  StaticText "Dossier found. Status: Payment due"
region "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài"
  heading "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam, người Việt Nam đang cư trú ở nước ngoài" [focused, level=2]
  StaticText "Status"
  StaticText ":"
  StaticText "Payment due"
  StaticText "On schedule"
  heading "Charges and fees" [level=3]
  StaticText "Charge"
  StaticText ":"
  StaticText "Phí cung cấp thông tin lý lịch tư pháp"
  StaticText "VND 200,000"
  StaticText "Fee"
  StaticText ":"
  StaticText "Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)"
  StaticText "VND 10,000"
  StaticText "Total"
  StaticText "VND 210,000"
  StaticText "Not paid yet"
  button "Pay"
  StaticText "Dossier code"
  StaticText "000.00.15.H26-261102-0014"
  StaticText "Receiving unit"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội"
  StaticText "Received on"
  StaticText "<date-time>"
  StaticText "Due on"
  StaticText "<date-time>"
  heading "Processing history" [level=3]
  StaticText "<date-time>"
  StaticText "Công dân nộp hồ sơ trực tuyến"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Hệ thống"
  StaticText "Submitted online"
  StaticText "<date-time>"
  StaticText "Tiếp nhận hồ sơ"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Cán bộ Bộ phận Một cửa"
  StaticText "Received"
  StaticText "<date-time>"
  StaticText "Chuyển hồ sơ đến phòng chuyên môn xử lý"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Chuyên viên"
  StaticText "Being processed"
  StaticText "<date-time>"
  StaticText "Yêu cầu thực hiện nghĩa vụ tài chính"
  StaticText "Trung tâm Phục vụ hành chính công thành phố Hà Nội · Chuyên viên"
  StaticText "Payment due"
  button "Look up another dossier"`;
/* end snapshot found dossier with fees to pay (en) */

snapshots["not found (en)"] = 
`status [live=polite, atomic]
form "Look up a dossier"
  StaticText "Dossier code"
  StaticText "For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  textbox "Dossier code" [value="000.00.15.H26-261102-9999"] description="For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" [value="079203001234"] description="The 12 digits on your citizen identity card."
  button "Look up"
alert [live=assertive, atomic]
  StaticText "No dossier matches this code and identification number. Please check them and try again."`;
/* end snapshot not found (en) */

snapshots["error (en)"] = 
`status [live=polite, atomic]
form "Look up a dossier"
  StaticText "Dossier code"
  StaticText "For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  textbox "Dossier code" [value="000.00.15.H26-250714-0901"] description="For example, 000.00.15.H26-250714-0042. It is printed on the receipt the agency gave you."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" [value="079203001234"] description="The 12 digits on your citizen identity card."
  button "Look up"
alert [live=assertive, atomic]
  StaticText "The service is temporarily unavailable. Please try again in a few minutes."
  button "Try again"`;
/* end snapshot error (en) */

