/* @web/test-runner snapshot v1 */
export const snapshots = {};

snapshots["empty (vi)"] = 
`search
  StaticText "Tìm thủ tục hành chính"
  searchbox "Tìm thủ tục hành chính" description="Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm bằng giọng nói"
  paragraph [live=polite, atomic]
  StaticText "Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm kiếm"
  DisclosureTriangle "Bộ lọc" [expanded]
  StaticText "Lọc kết quả"
  StaticText "Lĩnh vực"
  combobox "Lĩnh vực" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cấp thực hiện"
  combobox "Cấp thực hiện" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Dịch vụ công trực tuyến"
  combobox "Dịch vụ công trực tuyến" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cơ quan thực hiện"
  combobox "Cơ quan thực hiện" [collapsed, value="Tất cả", haspopup=menu]
status [live=polite, atomic]`;
/* end snapshot empty (vi) */

snapshots["loading (vi)"] = 
`search
  StaticText "Tìm thủ tục hành chính"
  searchbox "Tìm thủ tục hành chính" [value="dang ky khai sinh"] description="Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm bằng giọng nói"
  paragraph [live=polite, atomic]
  StaticText "Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm kiếm"
  DisclosureTriangle "Bộ lọc (1)" [expanded]
  StaticText "Lọc kết quả"
  StaticText "Lĩnh vực"
  combobox "Lĩnh vực" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cấp thực hiện"
  combobox "Cấp thực hiện" [collapsed, value="Cấp xã", haspopup=menu]
  StaticText "Dịch vụ công trực tuyến"
  combobox "Dịch vụ công trực tuyến" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cơ quan thực hiện"
  combobox "Cơ quan thực hiện" [collapsed, value="Tất cả", haspopup=menu]
  button "Xóa bộ lọc"
status [live=polite, atomic]
region "Kết quả tìm kiếm" [busy]
  heading "Kết quả tìm kiếm" [level=2]
  paragraph
    StaticText "Đang tải…"`;
/* end snapshot loading (vi) */

snapshots["results (vi)"] = 
`search
  StaticText "Tìm thủ tục hành chính"
  searchbox "Tìm thủ tục hành chính" [value="dang ky khai sinh"] description="Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm bằng giọng nói"
  paragraph [live=polite, atomic]
  StaticText "Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm kiếm"
  DisclosureTriangle "Bộ lọc (1)" [expanded]
  StaticText "Lọc kết quả"
  StaticText "Lĩnh vực"
  combobox "Lĩnh vực" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cấp thực hiện"
  combobox "Cấp thực hiện" [collapsed, value="Cấp xã (4)", haspopup=menu]
  StaticText "Dịch vụ công trực tuyến"
  combobox "Dịch vụ công trực tuyến" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cơ quan thực hiện"
  combobox "Cơ quan thực hiện" [collapsed, value="Tất cả", haspopup=menu]
  button "Xóa bộ lọc"
status [live=polite, atomic]
  StaticText "Tìm thấy 4 thủ tục. Trang 1/2."
region "Kết quả tìm kiếm"
  heading "Kết quả tìm kiếm" [level=2]
  button "Thủ tục đăng ký khai sinh"
  StaticText "Mã thủ tục"
  StaticText ":"
  StaticText "1.001193"
  StaticText "Lĩnh vực"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Cấp thực hiện"
  StaticText ":"
  StaticText "Cấp xã"
  StaticText "Thời hạn giải quyết"
  StaticText ":"
  StaticText "1 ngày làm việc (trực tuyến)"
  StaticText "Phí, lệ phí thấp nhất"
  StaticText ":"
  StaticText "Miễn phí"
  StaticText "Trực tuyến một phần"
  button "Thủ tục đăng ký khai sinh lưu động"
  StaticText "Mã thủ tục"
  StaticText ":"
  StaticText "1.003583"
  StaticText "Lĩnh vực"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Cấp thực hiện"
  StaticText ":"
  StaticText "Cấp xã"
  StaticText "Thời hạn giải quyết"
  StaticText ":"
  StaticText "5 ngày làm việc (trực tiếp)"
  StaticText "Phí, lệ phí thấp nhất"
  StaticText ":"
  StaticText "Miễn phí"
  StaticText "Cung cấp thông tin"
  button "Thủ tục đăng ký khai sinh có yếu tố nước ngoài"
  StaticText "Mã thủ tục"
  StaticText ":"
  StaticText "2.000528"
  StaticText "Lĩnh vực"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Cấp thực hiện"
  StaticText ":"
  StaticText "Cấp xã"
  StaticText "Thời hạn giải quyết"
  StaticText ":"
  StaticText "1 ngày làm việc (trực tuyến)"
  StaticText "Phí, lệ phí thấp nhất"
  StaticText ":"
  StaticText "Do tỉnh quy định"
  StaticText "Trực tuyến một phần"
  navigation "Các trang kết quả"
    button "Trang 1"
    button "Trang 2"
    button "Trang sau"`;
/* end snapshot results (vi) */

snapshots["no results (vi)"] = 
`search
  StaticText "Tìm thủ tục hành chính"
  searchbox "Tìm thủ tục hành chính" [value="xqzwvkj"] description="Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm bằng giọng nói"
  paragraph [live=polite, atomic]
  StaticText "Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm kiếm"
  DisclosureTriangle "Bộ lọc" [expanded]
  StaticText "Lọc kết quả"
  StaticText "Lĩnh vực"
  combobox "Lĩnh vực" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cấp thực hiện"
  combobox "Cấp thực hiện" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Dịch vụ công trực tuyến"
  combobox "Dịch vụ công trực tuyến" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cơ quan thực hiện"
  combobox "Cơ quan thực hiện" [collapsed, value="Tất cả", haspopup=menu]
status [live=polite, atomic]
  StaticText "Không tìm thấy thủ tục nào"
region "Kết quả tìm kiếm"
  heading "Kết quả tìm kiếm" [level=2]
  StaticText "Hãy thử bớt từ khóa hoặc kiểm tra lại chính tả."`;
/* end snapshot no results (vi) */

snapshots["detail open (vi)"] = 
`status [live=polite, atomic]
button "Quay lại kết quả"
heading "Thủ tục đăng ký khai sinh" [focused, level=2]
button "Nghe đọc"
paragraph [live=polite]
StaticText "Mã thủ tục"
StaticText ":"
StaticText "1.001193"
StaticText "Lĩnh vực"
StaticText ":"
StaticText "Hộ tịch"
StaticText "Cấp thực hiện"
StaticText ":"
StaticText "Cấp xã"
StaticText "Cơ quan thực hiện"
StaticText ":"
StaticText "Ủy ban nhân dân cấp xã"
StaticText "Dịch vụ công trực tuyến"
StaticText ":"
StaticText "Trực tuyến một phần"
region "Thời hạn giải quyết và phí, lệ phí"
  heading "Thời hạn giải quyết và phí, lệ phí" [level=3]
  StaticText "Thời hạn giải quyết và phí, lệ phí theo cách thức thực hiện"
  StaticText "Cách thức thực hiện"
  StaticText "Thời hạn giải quyết"
  StaticText "Phí, lệ phí"
  StaticText "Trực tuyến"
  StaticText "1 ngày làm việc"
  StaticText "Lệ phí: Miễn phí"
  StaticText "Miễn lệ phí đăng ký khai sinh đúng hạn. Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu): 8.000 đồng/bản."
  StaticText "Qua bưu chính công ích"
  StaticText "1 ngày làm việc"
  StaticText "Lệ phí: Miễn phí"
  StaticText "Trực tiếp"
  StaticText "1 ngày làm việc"
  StaticText "Lệ phí: Miễn phí"
region "Giấy tờ cần nộp"
  heading "Giấy tờ cần nộp" [level=3]
  heading "Giấy tờ phải nộp" [level=4]
  StaticText "Tờ khai đăng ký khai sinh theo mẫu (khi nộp trực tuyến: mẫu điện tử tương tác trên Cổng Dịch vụ công)"
  StaticText "Bản chính: 1 · Bắt buộc"
  StaticText "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh"
  StaticText "Bản chính: 1 · Bắt buộc"
  StaticText "Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (trường hợp trẻ em bị bỏ rơi)"
  StaticText "Bản chính: 1 · Nếu có"
  StaticText "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (trường hợp trẻ sinh ra do mang thai hộ)"
  StaticText "Bản chính: 1 · Nếu có"
  StaticText "Văn bản ủy quyền theo quy định (trường hợp ủy quyền; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)"
  StaticText "Bản chính: 1 · Nếu có"
  heading "Giấy tờ phải xuất trình" [level=4]
  StaticText "Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân, Căn cước điện tử hoặc giấy tờ tùy thân khác có ảnh, còn giá trị (không phải xuất trình nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)"
  StaticText "Bản chính: 1 · Bắt buộc"
  StaticText "Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu cha, mẹ đã đăng ký kết hôn và cơ quan đăng ký không tra cứu được)"
  StaticText "Bản chính: 1 · Nếu có"
region "Trình tự thực hiện"
  heading "Trình tự thực hiện" [level=3]
  StaticText "Bước 1: Nộp hồ sơ"
  StaticText "Người yêu cầu nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con."
  StaticText "Bước 2: Tiếp nhận, kiểm tra hồ sơ"
  StaticText "Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung."
  StaticText "Bước 3: Thẩm tra, đăng ký"
  StaticText "Công chức tư pháp - hộ tịch thẩm tra hồ sơ, ghi vào Sổ đăng ký khai sinh, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử và lấy Số định danh cá nhân cho trẻ."
  StaticText "Bước 4: Trả kết quả"
  StaticText "Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh; người yêu cầu kiểm tra thông tin và nhận Giấy khai sinh (bản chính, bản điện tử và bản sao nếu có yêu cầu)."
region "Đối tượng thực hiện"
  heading "Đối tượng thực hiện" [level=3]
  StaticText "Công dân Việt Nam"
  StaticText "Người Việt Nam định cư ở nước ngoài"
region "Yêu cầu, điều kiện"
  heading "Yêu cầu, điều kiện" [level=3]
  StaticText "Đăng ký trong thời hạn 60 ngày kể từ ngày sinh. Nơi đăng ký: Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ."
region "Kết quả thực hiện"
  heading "Kết quả thực hiện" [level=3]
  StaticText "Giấy khai sinh"
region "Căn cứ pháp lý"
  heading "Căn cứ pháp lý" [level=3]
  StaticText "60/2014/QH13"
  StaticText "—"
  StaticText "Luật Hộ tịch"
  StaticText "("
  StaticText "ban hành ngày 20/11/2014"
  StaticText ")"
  StaticText "123/2015/NĐ-CP"
  StaticText "—"
  StaticText "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
  StaticText "("
  StaticText "ban hành ngày 15/11/2015"
  StaticText ")"
  StaticText "04/2020/TT-BTP"
  StaticText "—"
  StaticText "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"
  StaticText "("
  StaticText "ban hành ngày 28/05/2020"
  StaticText ")"
  StaticText "120/2025/NĐ-CP"
  StaticText "—"
  StaticText "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp"
  StaticText "("
  StaticText "ban hành ngày 11/06/2025"
  StaticText ")"
  StaticText "85/2019/TT-BTC"
  StaticText "—"
  StaticText "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương"
  StaticText "("
  StaticText "ban hành ngày 29/11/2019"
  StaticText ")"`;
/* end snapshot detail open (vi) */

snapshots["error (vi)"] = 
`search
  StaticText "Tìm thủ tục hành chính"
  searchbox "Tìm thủ tục hành chính" [value="ly lich tu phap"] description="Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm bằng giọng nói"
  paragraph [live=polite, atomic]
  StaticText "Gõ có dấu hoặc không dấu, ví dụ “dang ky khai sinh”."
  button "Tìm kiếm"
  DisclosureTriangle "Bộ lọc" [expanded]
  StaticText "Lọc kết quả"
  StaticText "Lĩnh vực"
  combobox "Lĩnh vực" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cấp thực hiện"
  combobox "Cấp thực hiện" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Dịch vụ công trực tuyến"
  combobox "Dịch vụ công trực tuyến" [collapsed, value="Tất cả", haspopup=menu]
  StaticText "Cơ quan thực hiện"
  combobox "Cơ quan thực hiện" [collapsed, value="Tất cả", haspopup=menu]
status [live=polite, atomic]
region "Kết quả tìm kiếm"
  heading "Kết quả tìm kiếm" [level=2]
  alert [live=assertive, atomic]
    StaticText "Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
    button "Thử lại"`;
/* end snapshot error (vi) */

snapshots["empty (en)"] = 
`search
  StaticText "Search for a procedure"
  searchbox "Search for a procedure" description="With or without accents, e.g. "dang ky khai sinh"."
  button "Voice search"
  paragraph [live=polite, atomic]
  StaticText "With or without accents, e.g. "dang ky khai sinh"."
  button "Search"
  DisclosureTriangle "Filters" [expanded]
  StaticText "Filter the results"
  StaticText "Field"
  combobox "Field" [collapsed, value="All", haspopup=menu]
  StaticText "Level"
  combobox "Level" [collapsed, value="All", haspopup=menu]
  StaticText "Online service"
  combobox "Online service" [collapsed, value="All", haspopup=menu]
  StaticText "Agency"
  combobox "Agency" [collapsed, value="All", haspopup=menu]
status [live=polite, atomic]`;
/* end snapshot empty (en) */

snapshots["loading (en)"] = 
`search
  StaticText "Search for a procedure"
  searchbox "Search for a procedure" [value="dang ky khai sinh"] description="With or without accents, e.g. "dang ky khai sinh"."
  button "Voice search"
  paragraph [live=polite, atomic]
  StaticText "With or without accents, e.g. "dang ky khai sinh"."
  button "Search"
  DisclosureTriangle "Filters (1)" [expanded]
  StaticText "Filter the results"
  StaticText "Field"
  combobox "Field" [collapsed, value="All", haspopup=menu]
  StaticText "Level"
  combobox "Level" [collapsed, value="Commune", haspopup=menu]
  StaticText "Online service"
  combobox "Online service" [collapsed, value="All", haspopup=menu]
  StaticText "Agency"
  combobox "Agency" [collapsed, value="All", haspopup=menu]
  button "Clear filters"
status [live=polite, atomic]
region "Search results" [busy]
  heading "Search results" [level=2]
  paragraph
    StaticText "Loading…"`;
/* end snapshot loading (en) */

snapshots["results (en)"] = 
`search
  StaticText "Search for a procedure"
  searchbox "Search for a procedure" [value="dang ky khai sinh"] description="With or without accents, e.g. "dang ky khai sinh"."
  button "Voice search"
  paragraph [live=polite, atomic]
  StaticText "With or without accents, e.g. "dang ky khai sinh"."
  button "Search"
  DisclosureTriangle "Filters (1)" [expanded]
  StaticText "Filter the results"
  StaticText "Field"
  combobox "Field" [collapsed, value="All", haspopup=menu]
  StaticText "Level"
  combobox "Level" [collapsed, value="Commune (4)", haspopup=menu]
  StaticText "Online service"
  combobox "Online service" [collapsed, value="All", haspopup=menu]
  StaticText "Agency"
  combobox "Agency" [collapsed, value="All", haspopup=menu]
  button "Clear filters"
status [live=polite, atomic]
  StaticText "4 procedures found. Page 1 of 2."
region "Search results"
  heading "Search results" [level=2]
  button "Thủ tục đăng ký khai sinh"
  StaticText "Code"
  StaticText ":"
  StaticText "1.001193"
  StaticText "Field"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Level"
  StaticText ":"
  StaticText "Commune"
  StaticText "Processing time"
  StaticText ":"
  StaticText "1 working day (online)"
  StaticText "Lowest fee"
  StaticText ":"
  StaticText "Free"
  StaticText "Partly online"
  button "Thủ tục đăng ký khai sinh lưu động"
  StaticText "Code"
  StaticText ":"
  StaticText "1.003583"
  StaticText "Field"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Level"
  StaticText ":"
  StaticText "Commune"
  StaticText "Processing time"
  StaticText ":"
  StaticText "5 working days (in person)"
  StaticText "Lowest fee"
  StaticText ":"
  StaticText "Free"
  StaticText "Information only"
  button "Thủ tục đăng ký khai sinh có yếu tố nước ngoài"
  StaticText "Code"
  StaticText ":"
  StaticText "2.000528"
  StaticText "Field"
  StaticText ":"
  StaticText "Hộ tịch"
  StaticText "Level"
  StaticText ":"
  StaticText "Commune"
  StaticText "Processing time"
  StaticText ":"
  StaticText "1 working day (online)"
  StaticText "Lowest fee"
  StaticText ":"
  StaticText "Set by the province"
  StaticText "Partly online"
  navigation "Result pages"
    button "Page 1"
    button "Page 2"
    button "Next"`;
/* end snapshot results (en) */

snapshots["no results (en)"] = 
`search
  StaticText "Search for a procedure"
  searchbox "Search for a procedure" [value="xqzwvkj"] description="With or without accents, e.g. "dang ky khai sinh"."
  button "Voice search"
  paragraph [live=polite, atomic]
  StaticText "With or without accents, e.g. "dang ky khai sinh"."
  button "Search"
  DisclosureTriangle "Filters" [expanded]
  StaticText "Filter the results"
  StaticText "Field"
  combobox "Field" [collapsed, value="All", haspopup=menu]
  StaticText "Level"
  combobox "Level" [collapsed, value="All", haspopup=menu]
  StaticText "Online service"
  combobox "Online service" [collapsed, value="All", haspopup=menu]
  StaticText "Agency"
  combobox "Agency" [collapsed, value="All", haspopup=menu]
status [live=polite, atomic]
  StaticText "No procedures found"
region "Search results"
  heading "Search results" [level=2]
  StaticText "Try fewer words, or check the spelling."`;
/* end snapshot no results (en) */

snapshots["detail open (en)"] = 
`status [live=polite, atomic]
button "Back to results"
heading "Thủ tục đăng ký khai sinh" [focused, level=2]
button "Read aloud"
paragraph [live=polite]
StaticText "Code"
StaticText ":"
StaticText "1.001193"
StaticText "Field"
StaticText ":"
StaticText "Hộ tịch"
StaticText "Level"
StaticText ":"
StaticText "Commune"
StaticText "Agencies"
StaticText ":"
StaticText "Ủy ban nhân dân cấp xã"
StaticText "Online service"
StaticText ":"
StaticText "Partly online"
region "Processing time and fees"
  heading "Processing time and fees" [level=3]
  StaticText "Processing time and fees, by how you apply"
  StaticText "How to apply"
  StaticText "Processing time"
  StaticText "Fees"
  StaticText "Online"
  StaticText "1 working day"
  StaticText "Fee: Free"
  StaticText "Miễn lệ phí đăng ký khai sinh đúng hạn. Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu): 8.000 đồng/bản."
  StaticText "By post"
  StaticText "1 working day"
  StaticText "Fee: Free"
  StaticText "In person"
  StaticText "1 working day"
  StaticText "Fee: Free"
region "Documents you need"
  heading "Documents you need" [level=3]
  heading "Giấy tờ phải nộp" [level=4]
  StaticText "Tờ khai đăng ký khai sinh theo mẫu (khi nộp trực tuyến: mẫu điện tử tương tác trên Cổng Dịch vụ công)"
  StaticText "Originals: 1 · Required"
  StaticText "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh"
  StaticText "Originals: 1 · Required"
  StaticText "Biên bản xác nhận việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập (trường hợp trẻ em bị bỏ rơi)"
  StaticText "Originals: 1 · If applicable"
  StaticText "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản (trường hợp trẻ sinh ra do mang thai hộ)"
  StaticText "Originals: 1 · If applicable"
  StaticText "Văn bản ủy quyền theo quy định (trường hợp ủy quyền; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)"
  StaticText "Originals: 1 · If applicable"
  heading "Giấy tờ phải xuất trình" [level=4]
  StaticText "Hộ chiếu, thẻ Căn cước, thẻ Căn cước công dân, Căn cước điện tử hoặc giấy tờ tùy thân khác có ảnh, còn giá trị (không phải xuất trình nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)"
  StaticText "Originals: 1 · Required"
  StaticText "Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu cha, mẹ đã đăng ký kết hôn và cơ quan đăng ký không tra cứu được)"
  StaticText "Originals: 1 · If applicable"
region "Steps"
  heading "Steps" [level=3]
  StaticText "Bước 1: Nộp hồ sơ"
  StaticText "Người yêu cầu nộp hồ sơ trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã, qua bưu chính, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID. Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con."
  StaticText "Bước 2: Tiếp nhận, kiểm tra hồ sơ"
  StaticText "Cán bộ tiếp nhận kiểm tra tính đầy đủ, hợp lệ của hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn trả kết quả, chưa đầy đủ thì hướng dẫn bổ sung."
  StaticText "Bước 3: Thẩm tra, đăng ký"
  StaticText "Công chức tư pháp - hộ tịch thẩm tra hồ sơ, ghi vào Sổ đăng ký khai sinh, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử và lấy Số định danh cá nhân cho trẻ."
  StaticText "Bước 4: Trả kết quả"
  StaticText "Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh; người yêu cầu kiểm tra thông tin và nhận Giấy khai sinh (bản chính, bản điện tử và bản sao nếu có yêu cầu)."
region "Who can apply"
  heading "Who can apply" [level=3]
  StaticText "Công dân Việt Nam"
  StaticText "Người Việt Nam định cư ở nước ngoài"
region "Requirements and conditions"
  heading "Requirements and conditions" [level=3]
  StaticText "Đăng ký trong thời hạn 60 ngày kể từ ngày sinh. Nơi đăng ký: Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ."
region "Result"
  heading "Result" [level=3]
  StaticText "Giấy khai sinh"
region "Legal basis"
  heading "Legal basis" [level=3]
  StaticText "60/2014/QH13"
  StaticText "—"
  StaticText "Luật Hộ tịch"
  StaticText "("
  StaticText "issued 20 Nov 2014"
  StaticText ")"
  StaticText "123/2015/NĐ-CP"
  StaticText "—"
  StaticText "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
  StaticText "("
  StaticText "issued 15 Nov 2015"
  StaticText ")"
  StaticText "04/2020/TT-BTP"
  StaticText "—"
  StaticText "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"
  StaticText "("
  StaticText "issued 28 May 2020"
  StaticText ")"
  StaticText "120/2025/NĐ-CP"
  StaticText "—"
  StaticText "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp"
  StaticText "("
  StaticText "issued 11 Jun 2025"
  StaticText ")"
  StaticText "85/2019/TT-BTC"
  StaticText "—"
  StaticText "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương"
  StaticText "("
  StaticText "issued 29 Nov 2019"
  StaticText ")"`;
/* end snapshot detail open (en) */

snapshots["error (en)"] = 
`search
  StaticText "Search for a procedure"
  searchbox "Search for a procedure" [value="ly lich tu phap"] description="With or without accents, e.g. "dang ky khai sinh"."
  button "Voice search"
  paragraph [live=polite, atomic]
  StaticText "With or without accents, e.g. "dang ky khai sinh"."
  button "Search"
  DisclosureTriangle "Filters" [expanded]
  StaticText "Filter the results"
  StaticText "Field"
  combobox "Field" [collapsed, value="All", haspopup=menu]
  StaticText "Level"
  combobox "Level" [collapsed, value="All", haspopup=menu]
  StaticText "Online service"
  combobox "Online service" [collapsed, value="All", haspopup=menu]
  StaticText "Agency"
  combobox "Agency" [collapsed, value="All", haspopup=menu]
status [live=polite, atomic]
region "Search results"
  heading "Search results" [level=2]
  alert [live=assertive, atomic]
    StaticText "The service is temporarily unavailable. Please try again in a few minutes."
    button "Try again"`;
/* end snapshot error (en) */

